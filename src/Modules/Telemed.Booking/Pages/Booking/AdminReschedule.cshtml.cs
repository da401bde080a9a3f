using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Availability;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Staff move an appointment for the patient: the host's free times in the host's zone.</summary>
[Authorize(Policy = "booking.appointments")]
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
        if (start is null || start.Length > 40 || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var newStart))
        {
            Refusal = "Choose one of the free times.";
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
        var first = DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= today ? day : today;
        Day = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var found = await finder.FindAsync(Row.Service, [Row.Host], Row.Appointment.DurationMinutes, VisitorTime.DaysToUtc(first, first.AddDays(6), zone),
            HttpContext.RequestAborted, releasingSlot: Row.Appointment.SlotId);
        Slots = found.Where(s => s.Slot.Start != Row.Appointment.StartUtc)
            .Select(s => new SuggestedSlot(VisitorTime.ToIso8601(s.Slot.Start, zone), TimeText.Range(s.Slot.Start, s.Slot.End, zone.Id), s.Host.Id, s.Host.DisplayName))
            .ToList();
        return Page();
    }
}
