using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Telemed.Booking.Services;
using Telemed.Core;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The confirmation: summary, add-to-calendar and the signed manage link.</summary>
[EnableRateLimiting(CoreStartup.PublicRateLimit)]
public sealed class ConfirmationModel(ManageLinks links, AppointmentQueries appointments, MeetingLookup meetings, TenantContext tenantContext)
    : ManagedAppointmentModel(links, appointments)
{
    public string AbsoluteManageUrl { get; private set; } = "";
    public string GoogleUrl { get; private set; } = "";
    public JoinView Join { get; private set; } = new(false, false, null, null, "");

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        Join = await meetings.ForPatientAsync(Row.Appointment, Row.Service, HttpContext.RequestAborted);
        AbsoluteManageUrl = Links.AbsoluteUrl(Token);
        GoogleUrl = CalendarLinks.GoogleUrl(Row.Appointment, $"{Row.Service.Name} with {Row.Host.DisplayName}", tenantContext.Required.Name, AbsoluteManageUrl);
        return Page();
    }
}
