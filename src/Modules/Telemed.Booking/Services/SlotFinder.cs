using Microsoft.EntityFrameworkCore;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Models;

namespace Telemed.Booking.Services;

/// <summary>A bookable slot with the host who would take it.</summary>
public sealed record HostSlot(HostProfile Host, AvailableSlot Slot);

/// <summary>Feeds the availability engine from the database: hosts' schedules and the seats already held.</summary>
public sealed class SlotFinder(BookingDb db, TimeProvider clock)
{
    /// <summary>Busy time is loaded this far beyond the query on each side, to cover any buffer.</summary>
    private static readonly TimeSpan BusyMargin = TimeSpan.FromDays(1);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The active hosts offering a service (one host when <paramref name="hostId"/> is given), by name.</summary>
    public async Task<IReadOnlyList<HostProfile>> HostsOfferingAsync(Guid serviceId, Guid? hostId, CancellationToken cancellationToken)
    {
        var query = from host in db.Hosts
                    join link in db.ServiceHosts on host.Id equals link.HostId
                    where link.ServiceId == serviceId && host.Active && (hostId == null || host.Id == hostId)
                    orderby host.DisplayName
                    select host;
        return await query.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Slots whose start lies in <paramref name="range"/>, over all the given hosts, by start then host.
    /// <paramref name="ignoreBusy"/> asks "is this inside working hours at all"; a seat of
    /// <paramref name="releasingSlot"/> is treated as free (the appointment being moved holds it); staff pass
    /// <paramref name="ignoreNotice"/> to offer times inside the service's minimum notice (never in the past).
    /// </summary>
    public async Task<IReadOnlyList<HostSlot>> FindAsync(Service service, IReadOnlyList<HostProfile> hosts, int minutes, UtcRange range,
        CancellationToken cancellationToken, bool ignoreBusy = false, Guid? releasingSlot = null, bool ignoreNotice = false)
    {
        if (hosts.Count == 0)
        {
            return [];
        }

        var holds = ignoreBusy ? [] : await LoadHoldsAsync(hosts, range, cancellationToken);
        return Find(service, hosts, host => host.ToSchedule(), minutes, range, holds, Now, releasingSlot, ignoreNotice);
    }

    /// <summary>
    /// The same search over hosts' schedules and seats already read (the public path reads them from the clinic's catalog
    /// and one batch). <paramref name="holds"/> must cover <see cref="HoldWindow"/> of <paramref name="range"/> for these hosts.
    /// </summary>
    public static IReadOnlyList<HostSlot> Find(Service service, IReadOnlyList<HostProfile> hosts, Func<HostProfile, HostSchedule> scheduleOf, int minutes,
        UtcRange range, IReadOnlyList<SlotHold> holds, DateTimeOffset now, Guid? releasingSlot = null, bool ignoreNotice = false)
    {
        var rules = service.RulesFor(minutes);
        if (ignoreNotice)
        {
            rules = rules with { MinimumNotice = TimeSpan.Zero };
        }
        var query = new AvailabilityQuery(range, now);
        var found = new List<HostSlot>();
        foreach (var host in hosts)
        {
            var busy = holds.Where(h => h.HostId == host.Id)
                .Select(h => new BusyInterval(h.StartUtc, h.EndUtc,
                    TimeSpan.FromMinutes(h.BufferBeforeMinutes), TimeSpan.FromMinutes(h.BufferAfterMinutes),
                    h.ServiceId.ToString(), h.SeatsTaken - (h.Id == releasingSlot ? 1 : 0)))
                .Where(b => b.Seats > 0)
                .ToList();
            found.AddRange(AvailabilityEngine.FindSlots(scheduleOf(host), rules, busy, query).Select(slot => new HostSlot(host, slot)));
        }

        return found.OrderBy(s => s.Slot.Start).ThenBy(s => s.Host.DisplayName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The longest an answer is given again from memory, whatever else it depends on.</summary>
    public static readonly TimeSpan LongestReuse = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Until when <paramref name="slots"/> (found at <paramref name="now"/>, by start) stay the engine's answer as time
    /// passes, the clinic's data unchanged: the engine offers the starts in [max(from, now + notice), min(to, now +
    /// horizon)], on a grid that does not move with now. So the first slot drops out at its start less the notice; and
    /// while the horizon cuts the range, any moment may add a slot, so such an answer is not to be kept at all (null).
    /// </summary>
    public static DateTimeOffset? UnchangedUntil(IReadOnlyList<HostSlot> slots, SlotRules rules, UtcRange range, DateTimeOffset now)
    {
        if (rules.Horizon is { } horizon && range.To > now + horizon)
        {
            return null;
        }
        var until = now + LongestReuse;
        return slots.Count > 0 && slots[0].Slot.Start - rules.MinimumNotice < until ? slots[0].Slot.Start - rules.MinimumNotice : until;
    }

    /// <summary>The time whose seats a search of <paramref name="range"/> reads: wider on each side, to cover any buffer.</summary>
    public static UtcRange HoldWindow(UtcRange range) =>
        // Npgsql writes only UTC offsets to timestamptz.
        new(range.From.ToUniversalTime() - BusyMargin, range.To.ToUniversalTime() + BusyMargin);

    private async Task<List<SlotHold>> LoadHoldsAsync(IReadOnlyList<HostProfile> hosts, UtcRange range, CancellationToken cancellationToken)
    {
        var hostIds = hosts.Select(h => h.Id).ToList();
        var (from, to) = HoldWindow(range);
        return await db.Slots.AsNoTracking()
            .Where(s => hostIds.Contains(s.HostId) && s.SeatsTaken > 0 && s.StartUtc < to && s.EndUtc > from)
            .ToListAsync(cancellationToken);
    }
}
