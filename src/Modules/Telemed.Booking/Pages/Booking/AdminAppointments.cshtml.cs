using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Pages.Booking;

/// <summary>The staff list: hosts see their own, admins everyone's; filter by host, status and patient.</summary>
[Authorize(Policy = BookingPermissions.Names.ManageAppointments)]
public sealed class AdminAppointmentsModel(AppointmentQueries appointments, StaffContext staff, BookingDb db, AppointmentActions actions, MeetingLookup meetings,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string When { get; set; } = AppointmentFilter.Today;
    [BindProperty(SupportsGet = true)] public Guid? Host { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<AppointmentRow> Rows { get; private set; } = [];

    /// <summary>Video appointments that get no meeting because of their host, with what staff should know.</summary>
    public IReadOnlyDictionary<Guid, string> MeetingWarnings { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<HostProfile> Hosts { get; private set; } = [];
    public bool IsAdmin => staff.IsAdmin;
    public string? OwnHostName { get; private set; }
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>The viewer's zone: a doctor's own, the clinic's for an admin.</summary>
    public ViewerTime Time { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Time = await staff.ViewerTimeAsync(Now, cancellationToken);
        if (!AppointmentFilter.Periods.Contains(When))
        {
            When = AppointmentFilter.Today;
        }
        var own = await staff.OwnHostAsync(cancellationToken);
        OwnHostName = own?.DisplayName;
        if (IsAdmin)
        {
            Hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.DisplayName).ToListAsync(cancellationToken);
        }
        else if (own is null)
        {
            return;
        }

        var filter = new AppointmentFilter(IsAdmin ? Host : null, Status, Q?.Length > 100 ? Q[..100] : Q, When);
        Rows = await appointments.ListForStaffAsync(filter, IsAdmin ? null : own!.Id, cancellationToken);
        var upcomingVideo = Rows.Where(r => r.Service.Telemed && r.Appointment.IsConfirmed && !r.Appointment.HasEnded(Now)).Select(r => r.Appointment.Id).ToList();
        MeetingWarnings = await meetings.WarningsAsync(upcomingVideo, cancellationToken);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, bool attended)
    {
        var row = await appointments.FindAsync(id, HttpContext.RequestAborted);
        if (row is null || !await staff.MayManageAsync(row.Appointment, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        var result = await actions.RecordOutcomeAsync(id, attended, HttpContext.RequestAborted);
        TempData[result.Succeeded ? "Status" : "Error"] = result.Succeeded
            ? $"{row.Appointment.PatientName}'s appointment is marked {(attended ? "completed" : "no-show")}."
            : result.Message;
        return Redirect($"{Request.PathBase}/admin/appointments");
    }
}
