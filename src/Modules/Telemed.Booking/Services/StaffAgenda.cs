using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>The staff home's agenda: the viewer's day and what comes next, in the zone they work in.</summary>
public sealed record Agenda(ViewerTime Time, IReadOnlyList<AppointmentRow> Today, IReadOnlyList<AppointmentRow> Next, bool ForHost);

public sealed class StaffAgenda(BookingDb db, StaffContext staff, TimeProvider clock)
{
    public const int NextCount = 8;
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(14);

    /// <summary>
    /// A host sees their own appointments in their own zone; an admin the clinic's, in the clinic's zone. Today keeps
    /// its finished and cancelled appointments (they are the day's record); the next ones are the confirmed to come.
    /// </summary>
    public async Task<Agenda?> ForViewerAsync(string clinicZone, CancellationToken cancellationToken)
    {
        var own = await staff.OwnHostAsync(cancellationToken);
        if (!staff.IsAdmin && own is null)
        {
            return null;
        }
        var zoneId = staff.IsAdmin ? clinicZone : own!.TimeZone;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = clock.GetUtcNow();
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var today = VisitorTime.DaysToUtc(localToday, localToday, zone);

        var appointments = db.Appointments.AsNoTracking().Where(a => a.StartUtc >= today.From && a.StartUtc < now + Ahead);
        if (!staff.IsAdmin)
        {
            appointments = appointments.Where(a => a.HostId == own!.Id);
        }
        var rows = await (from appointment in appointments
                          join service in db.Services.AsNoTracking() on appointment.ServiceId equals service.Id
                          join host in db.Hosts.AsNoTracking() on appointment.HostId equals host.Id
                          where appointment.StartUtc < today.To || appointment.Status == AppointmentStatus.Confirmed
                          orderby appointment.StartUtc
                          select new AppointmentRow(appointment, service, host))
            .Take(AppointmentQueries.PageSize)
            .ToListAsync(cancellationToken);

        var todays = rows.Where(r => r.Appointment.StartUtc < today.To).ToList();
        var next = rows.Where(r => r.Appointment.StartUtc >= today.To).Take(NextCount).ToList();
        return new Agenda(new ViewerTime(zoneId, now), todays, next, !staff.IsAdmin);
    }
}
