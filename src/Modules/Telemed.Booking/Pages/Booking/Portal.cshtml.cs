using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Pages.Booking;

/// <summary>A signed-in patient's upcoming and past appointments, with the Join button for video visits.</summary>
[Authorize(Policy = BookingPermissions.Names.UsePortal)]
public sealed class PortalModel(AppointmentQueries appointments, MeetingLookup meetings, ManageLinks links, IUserDirectory users,
    TenantContext tenantContext, TimeProvider clock) : PageModel
{
    public sealed record UpcomingItem(AppointmentRow Row, JoinView Join, string ManageUrl);

    public IReadOnlyList<UpcomingItem> Upcoming { get; private set; } = [];
    public IReadOnlyList<AppointmentRow> Past { get; private set; } = [];

    public string ZoneFor(Appointment appointment) => appointment.PatientTimeZone ?? tenantContext.Required.TimeZone;

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var email = (await users.FindByIdAsync(userId, cancellationToken))?.Email;
        var rows = await appointments.ListForPatientAsync(userId, email, cancellationToken);
        var now = clock.GetUtcNow();

        var upcoming = new List<UpcomingItem>();
        foreach (var row in rows.Where(r => r.Appointment.IsConfirmed && !r.Appointment.HasEnded(now)))
        {
            var join = await meetings.ForPatientAsync(row.Appointment, row.Service, cancellationToken);
            upcoming.Add(new UpcomingItem(row, join, $"{Request.PathBase}/book/manage/{links.CreateToken(row.Appointment.Id)}"));
        }
        Upcoming = upcoming;
        Past = rows.Where(r => !r.Appointment.IsConfirmed || r.Appointment.HasEnded(now)).OrderByDescending(r => r.Appointment.StartUtc).ToList();
    }
}
