using System.Buffers;

namespace Telemed.Booking.Availability;

/// <summary>
/// Computes a host's bookable slots. Pure: the same inputs always give the same slots, and the
/// current instant comes in with the query.
/// </summary>
/// <remarks>
/// <para><b>Wall clock and real time.</b> Windows are the host's wall-clock time. Each window
/// covers exactly the instants whose local time falls inside it: on a spring-forward day the
/// skipped hour is simply absent (New York 01:00-04:00 is two real hours, and a window edge in
/// the gap lands on the instant the clocks jump); on a fall-back day both passes through the
/// repeated hour count (00:00-03:00 is four real hours). Slots start at the window's first
/// instant and follow each other by the step in real elapsed time, so they never overlap or
/// repeat across a clock change, and none starts at a local time that does not exist.</para>
/// <para><b>Open time.</b> Touching or overlapping windows of a day form one stretch. A slot
/// lies wholly inside one stretch of one local day and must not overlap out-of-office time.
/// A date override replaces that date's weekly windows.</para>
/// <para><b>Buffers.</b> A candidate's buffered range [start - BufferBefore, end + BufferAfter)
/// must not overlap any busy interval's own buffered range [start - its BufferBefore, end + its
/// BufferAfter): each appointment keeps its own preparation and wrap-up time, so adjacent
/// buffers add up. Buffers may fall outside working windows and out-of-office time.</para>
/// <para><b>Group seats.</b> A busy interval of the same service with exactly the candidate's
/// start and end takes seats in it instead of blocking it; the slot is offered while seats are
/// left. Any other overlap blocks the slot.</para>
/// <para><b>Range, notice, horizon.</b> A slot is offered when its start lies in
/// [From, To), is at least now + notice and at most now + horizon.</para>
/// </remarks>
public static class AvailabilityEngine
{
    /// <summary>The longest stretch of slot starts one query may ask for, so a public slot picker
    /// cannot be made to walk millions of days.</summary>
    public static readonly TimeSpan MaxQuerySpan = TimeSpan.FromDays(3660);

    public static IReadOnlyList<AvailableSlot> FindSlots(
        HostSchedule host,
        SlotRules rules,
        IReadOnlyList<BusyInterval> busy,
        AvailabilityQuery query)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(busy);
        rules.Validate();
        if (query.To < query.From)
        {
            throw new ArgumentException("The query range must not end before it starts.", nameof(query));
        }

        var earliest = Math.Max(query.From.UtcTicks, query.Now.UtcTicks + rules.MinimumNotice.Ticks);
        var endOfStarts = query.To.UtcTicks;
        if (rules.Horizon is { } horizon)
        {
            endOfStarts = Math.Min(endOfStarts, query.Now.UtcTicks + horizon.Ticks + 1);
        }

        if (earliest >= endOfStarts)
        {
            return [];
        }

        if (endOfStarts - earliest > MaxQuerySpan.Ticks)
        {
            throw new ArgumentException($"A query may span at most {MaxQuerySpan.TotalDays} days.", nameof(query));
        }

        var zone = host.TimeZone;
        using var timeline = new BusyTimeline(busy, rules.ServiceId);
        using var cutter = new SlotCutter(rules, timeline, earliest, endOfStarts);
        var open = new TickRanges();
        var away = new TickRanges();
        Span<OffsetSegment> segments = stackalloc OffsetSegment[ZoneOffsets.MaxSegments];
        var lastDay = ZoneOffsets.LocalDate(zone, endOfStarts - 1);
        for (var day = ZoneOffsets.LocalDate(zone, earliest); day <= lastDay; day = day.AddDays(1))
        {
            var windows = host.WorkingWindowsOn(day);
            if (windows.IsEmpty)
            {
                continue;
            }

            var localMidnight = day.DayNumber * TimeSpan.TicksPerDay;
            var dayOffsets = segments[..ZoneOffsets.AroundLocalDay(zone, localMidnight, segments)];
            open.Clear();
            open.AddWindows(windows, localMidnight, dayOffsets);
            away.Clear();
            away.AddWindows(host.OutOfOfficeOn(day), localMidnight, dayOffsets);
            for (var i = 0; i < open.Count; i++)
            {
                cutter.Cut(open[i].Start, open[i].End, away);
            }
        }

        return cutter.ToSortedArray();
    }

    /// <summary>Walks stretches of open time in order, collecting slots in a pooled buffer.</summary>
    private sealed class SlotCutter(SlotRules rules, BusyTimeline timeline, long earliest, long endOfStarts) : IDisposable
    {
        private readonly long duration = rules.Duration.Ticks;
        private readonly long step = rules.EffectiveStep.Ticks;
        private readonly long bufferBefore = rules.BufferBefore.Ticks;
        private readonly long bufferAfter = rules.BufferAfter.Ticks;
        private AvailableSlot[] slots = ArrayPool<AvailableSlot>.Shared.Rent(256);
        private int count;
        private bool inOrder = true;

        /// <summary>Offers the slots of one stretch of open time [openStart, openEnd).</summary>
        public void Cut(long openStart, long openEnd, TickRanges away)
        {
            var start = openStart;
            if (start < earliest)
            {
                // Stay on the stretch's grid: the first step at or after the earliest start.
                start += (earliest - openStart + step - 1) / step * step;
            }

            for (; start < endOfStarts && start + duration <= openEnd; start += step)
            {
                var end = start + duration;
                if (away.Count > 0 && away.Overlaps(start, end))
                {
                    continue;
                }

                var taken = timeline.SeatsTaken(start, end, start - bufferBefore, end + bufferAfter);
                if (taken == BusyTimeline.Blocked || taken >= rules.Capacity)
                {
                    continue;
                }

                Add(new AvailableSlot(
                    new DateTimeOffset(start, TimeSpan.Zero),
                    new DateTimeOffset(end, TimeSpan.Zero),
                    rules.Capacity - taken));
            }
        }

        public AvailableSlot[] ToSortedArray()
        {
            var result = slots.AsSpan(0, count).ToArray();
            if (!inOrder)
            {
                // Only a zone whose clocks fall back across midnight yields days out of order.
                result.AsSpan().Sort(static (a, b) => a.Start.CompareTo(b.Start));
            }

            return result;
        }

        public void Dispose() => ArrayPool<AvailableSlot>.Shared.Return(slots);

        private void Add(AvailableSlot slot)
        {
            if (count == slots.Length)
            {
                var larger = ArrayPool<AvailableSlot>.Shared.Rent(count * 2);
                slots.AsSpan().CopyTo(larger);
                ArrayPool<AvailableSlot>.Shared.Return(slots);
                slots = larger;
            }

            inOrder &= count == 0 || slot.Start > slots[count - 1].Start;
            slots[count++] = slot;
        }
    }
}
