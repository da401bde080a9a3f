using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>
/// Staff move an appointment for the patient by picking one of the host's free times, a week at a time, in
/// the staff member's zone. Staff may move it inside the patient's notice periods, never over another booking.
/// </summary>
[Authorize(Policy = BookingPermissions.Names.ManageAppointments)]
public sealed class AdminRescheduleModel(AppointmentQueries appointments, StaffContext staff, StaffFreeTimes freeTimes, BookingService booking)
    : StaffAppointmentModel(appointments, staff)
{
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }

    /// <summary>The time to preselect (a link from the calendar), or the one posted.</summary>
    [BindProperty(SupportsGet = true)] public string? Start { get; set; }

    public FreeTimesView Times { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? await ShowAsync(null);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        if (!TimeInput.TryReadInstant(Start, out var newStart))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync("Choose one of the free times.");
        }
        var result = await booking.RescheduleAsync(Id, newStart, Staff.DisplayName, enforceNotice: false, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Refusal = result.Message;
            Response.StatusCode = result.StatusCode;
            return await ShowAsync(null);
        }
        TempData["Status"] = $"Appointment moved to {TimeText.Range(result.Appointment!.StartUtc, result.Appointment.EndUtc, Row.Host.TimeZone)} ({Row.Host.TimeZone}). The patient will be told.";
        return Redirect($"{Request.PathBase}/admin/appointments/{Id}");
    }

    private async Task<IActionResult> ShowAsync(string? startError)
    {
        Zone = await Staff.ViewerZoneAsync(HttpContext.RequestAborted);
        DateTimeOffset? selected = TimeInput.TryReadInstant(Start, out var start) ? start : null;
        DateOnly? asked = TimeInput.TryReadDay(Day, out var day) ? day : selected is { } s ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s, Zone).DateTime) : null;
        if (asked is null && !string.IsNullOrEmpty(Day))
        {
            ModelState.AddModelError(nameof(Day), $"This is not a date we can show; here is the week from today. {TimeInput.DayMessage}");
        }
        var first = freeTimes.FirstDay(asked, Zone);
        Day = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var week = await freeTimes.WeekAsync(Row.Service, Row.Host, Row.Appointment.DurationMinutes, first, Zone, HttpContext.RequestAborted,
            releasingSlot: Row.Appointment.SlotId, except: Row.Appointment.StartUtc);
        var earlier = first > freeTimes.Today(Zone) ? WeekUrl(first.AddDays(-StaffFreeTimes.DaysShown)) : null;
        Times = new FreeTimesView(week, "start", selected, earlier, WeekUrl(first.AddDays(StaffFreeTimes.DaysShown)), startError);
        return Page();
    }

    private string WeekUrl(DateOnly first) =>
        $"{Request.PathBase}/admin/appointments/{Id}/reschedule?day={first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
