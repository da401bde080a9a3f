using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Booking.Services;
using Telemed.Core;

namespace Telemed.Booking.Pages.Booking;

/// <summary>Confirms a new time picked through the manage link; the same host, service and length.</summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class RescheduleModel(ManageLinks links, AppointmentQueries appointments, BookingService booking, SlotSuggestions suggestions)
    : ManagedAppointmentModel(links, appointments)
{
    [BindProperty(SupportsGet = true)] public string? Start { get; set; }
    [BindProperty(SupportsGet = true)] public string Tz { get; set; } = "UTC";

    public string NewTimeText { get; private set; } = "";
    public string? Refusal { get; private set; }
    public SuggestionsView Suggestions { get; private set; } = new([], _ => "", false);

    private DateTimeOffset newStart;
    private TimeZoneInfo zone = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync() => await ReadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ReadAsync() is { } problem)
        {
            return problem;
        }
        var result = await booking.RescheduleAsync(Row.Appointment.Id, newStart, "patient", enforceNotice: true, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            TempData["Status"] = $"Your appointment is moved to {NewTimeText}.";
            return Redirect(ManageUrl);
        }

        Refusal = result.Message;
        Response.StatusCode = result.StatusCode;
        if (result.Failure is BookingFailure.Taken or BookingFailure.Unavailable or BookingFailure.InThePast)
        {
            var fresh = await suggestions.NearAsync(Row.Service, [Row.Host], Row.Appointment.DurationMinutes, newStart, zone,
                HttpContext.RequestAborted, releasingSlot: Row.Appointment.SlotId);
            Suggestions = new SuggestionsView(fresh, slot => $"{ManageUrl}/reschedule?start={Uri.EscapeDataString(slot.Start)}&tz={Uri.EscapeDataString(zone.Id)}", false);
        }
        return Page();
    }

    private async Task<IActionResult?> ReadAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        if (!VisitorZones.TryFind(Tz, out zone))
        {
            return BadRequest("The time zone in the link is not valid.");
        }
        if (!TimeInput.TryReadInstant(Start, out newStart))
        {
            return BadRequest($"The new time in the link is not valid. Please pick a time again. {TimeInput.InstantMessage}");
        }
        Tz = zone.Id;
        NewTimeText = TimeText.Range(newStart, newStart.AddMinutes(Row.Appointment.DurationMinutes), zone.Id);
        return null;
    }
}
