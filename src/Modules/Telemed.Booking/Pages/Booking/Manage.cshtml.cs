using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Booking.Services;
using Telemed.Core;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The patient's own page for one appointment: reschedule, or go on to cancel it (CancelAppointment), within the notice rules.</summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class ManageModel(ManageLinks links, AppointmentQueries appointments, MeetingLookup meetings, TimeProvider clock)
    : ManagedAppointmentModel(links, appointments)
{
    public bool MayChange { get; private set; }
    public string? WhyNot { get; private set; }
    public JoinView Join { get; private set; } = new(false, false, null, null, "");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? await ShowAsync();

    private async Task<PageResult> ShowAsync()
    {
        Join = await meetings.ForPatientAsync(Row.Appointment, Row.Service, HttpContext.RequestAborted);
        var refusal = AppointmentRules.CannotChange(Row.Appointment, Row.Service, clock.GetUtcNow(), enforceNotice: true);
        MayChange = refusal is null;
        WhyNot = refusal?.Message;
        return Page();
    }
}
