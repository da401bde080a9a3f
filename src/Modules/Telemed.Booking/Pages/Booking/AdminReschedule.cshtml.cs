using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Availability;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Staff move an appointment for the patient: the host's free times in the host's zone.</summary>
[Authorize(Policy = BookingPermissions.Names.ManageAppointments)]
public sealed class AdminRescheduleModel(AppointmentQueries appointments, StaffContext staff, SlotFinder finder, BookingService booking) : StaffAppointmentModel(appointments, staff)
{
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }

    public IReadOnlyList<SuggestedSlot> Slots { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAsync(string? start)
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        if (!TimeInput.TryReadInstant(start, out var newStart))
        {
            Refusal = "Choose one of the free times.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync();
        }
        var result = await booking.RescheduleAsync(Id, newStart, Staff.DisplayName, enforceNotice: false, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Refusal = result.Message;
            Response.StatusCode = result.StatusCode;
            return await ShowAsync();
        }
        TempData["Status"] = "Appointment moved. The patient will be told.";
        return Redirect($"{Request.PathBase}/admin/appointments/{Id}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        var zone = Row.Host.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(finder.Now, zone).DateTime);
        var first = today;
        if (TimeInput.TryReadDay(Day, out var day))
        {
            first = day >= today ? day : today;
        }
        else if (!string.IsNullOrEmpty(Day))
        {
            ModelState.AddModelError(nameof(Day), $"This is not a date we can show; here is the week from today. {TimeInput.DayMessage}");
        }
        Day = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var found = await finder.FindAsync(Row.Service, [Row.Host], Row.Appointment.DurationMinutes, VisitorTime.DaysToUtc(first, first.AddDays(6), zone),
            HttpContext.RequestAborted, releasingSlot: Row.Appointment.SlotId);
        Slots = found.Where(s => s.Slot.Start != Row.Appointment.StartUtc)
            .Select(s => new SuggestedSlot(VisitorTime.ToIso8601(s.Slot.Start, zone), TimeText.Range(s.Slot.Start, s.Slot.End, zone.Id), s.Host.Id, s.Host.DisplayName))
            .ToList();
        return Page();
    }
}
