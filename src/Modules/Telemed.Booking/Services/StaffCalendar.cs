using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>
/// What one staff member's calendar covers: the zone they read times in, the hosts they may see (every host for an
/// admin, a doctor's own) and the one chosen in the filter, or null for all of them.
/// </summary>
public sealed record CalendarScope(TimeZoneInfo Zone, bool IsAdmin, IReadOnlyList<HostProfile> Hosts, HostProfile? Host)
{
    public IReadOnlyList<Guid> HostIds => Host is { } one ? [one.Id] : Hosts.Select(h => h.Id).ToList();
}

/// <summary>
/// An appointment on the calendar, with its video meeting's state; <see cref="HasProvider"/> says whether an installed
/// module makes its meeting (without one, the clinic sends the link itself).
/// </summary>
public sealed record CalendarEntry(AppointmentRow Row, MeetingState? Meeting, bool HasProvider);

/// <summary>The staff calendar's appointments: tenant-scoped by the database, limited to the hosts in the viewer's reach.</summary>
public sealed class StaffCalendar(BookingDb db, StaffContext staff, MeetingLookup meetings)
{
    /// <summary>The longest range one request may cover: a month view shows six weeks.</summary>
    public const int MaxDays = 42;

    /// <summary>More than a clinic has in six weeks; beyond it the answer says it was cut.</summary>
    public const int MaxEntries = 1000;

    /// <summary>The viewer's scope, or null when <paramref name="hostId"/> is not a host they may see (another clinic's, or a colleague's for a doctor).</summary>
    public async Task<CalendarScope?> ScopeAsync(Guid? hostId, CancellationToken cancellationToken)
    {
        var hosts = await staff.HostsInReachAsync(cancellationToken);
        var zone = await staff.ViewerZoneAsync(cancellationToken);
        HostProfile? chosen = null;
        if (hostId is { } id && (chosen = hosts.FirstOrDefault(h => h.Id == id)) is null)
        {
            return null;
        }
        // A doctor's calendar is their own: the filter has nothing else to offer.
        return new CalendarScope(zone, staff.IsAdmin, hosts, chosen ?? (staff.IsAdmin ? null : hosts.FirstOrDefault()));
    }

    /// <summary>Appointments overlapping <paramref name="range"/>, by start; Truncated when there were more than <see cref="MaxEntries"/>.</summary>
    public async Task<(IReadOnlyList<CalendarEntry> Entries, bool Truncated)> EntriesAsync(CalendarScope scope, UtcRange range, CancellationToken cancellationToken)
    {
        var hostIds = scope.HostIds;
        if (hostIds.Count == 0)
        {
            return ([], false);
        }
        // Npgsql writes only UTC offsets to timestamptz.
        var rangeStart = range.From.ToUniversalTime();
        var rangeEnd = range.To.ToUniversalTime();
        var query = from appointment in db.Appointments.AsNoTracking()
                    join service in db.Services.AsNoTracking() on appointment.ServiceId equals service.Id
                    join host in db.Hosts.AsNoTracking() on appointment.HostId equals host.Id
                    where hostIds.Contains(appointment.HostId) && appointment.StartUtc < rangeEnd && appointment.EndUtc > rangeStart
                    orderby appointment.StartUtc, host.DisplayName
                    select new { appointment, service, host };
        var found = await query.Take(MaxEntries + 1).ToListAsync(cancellationToken);
        var rows = found.Take(MaxEntries).Select(r => new AppointmentRow(r.appointment, r.service, r.host)).ToList();
        var states = await meetings.StatesAsync(rows.Where(r => r.Appointment.IsConfirmed), cancellationToken);
        var entries = rows.Select(r => new CalendarEntry(r, states.TryGetValue(r.Appointment.Id, out var state) ? state : null, meetings.HasProviderFor(r.Service))).ToList();
        return (entries, found.Count > MaxEntries);
    }
}
