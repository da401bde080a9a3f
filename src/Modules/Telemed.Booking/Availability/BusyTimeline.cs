using System.Buffers;

namespace Telemed.Booking.Availability;

/// <summary>
/// Busy time sorted by buffered start, answering "what does this candidate collide with?" in
/// near-constant time for candidates asked in increasing order.
/// </summary>
/// <remarks>
/// Each entry keeps the latest buffered end among it and all entries before it (its reach), so a
/// backward scan from the cursor stops as soon as nothing earlier can reach the candidate.
/// The entries live in a pooled array for the length of one query.
/// </remarks>
internal sealed class BusyTimeline : IDisposable
{
    public const int Blocked = -1;

    private readonly Entry[] entries;
    private readonly int count;
    private int cursor;
    private long lastBufferedEnd = long.MinValue;

    public BusyTimeline(IReadOnlyList<BusyInterval> busy, string? serviceId)
    {
        entries = ArrayPool<Entry>.Shared.Rent(busy.Count);
        for (var i = 0; i < busy.Count; i++)
        {
            var interval = busy[i];
            var bufferedStart = interval.Start.UtcTicks - interval.BufferBefore.Ticks;
            var bufferedEnd = interval.End.UtcTicks + interval.BufferAfter.Ticks;
            if (bufferedEnd <= bufferedStart)
            {
                continue;
            }

            entries[count++] = new Entry
            {
                BufferedStart = bufferedStart,
                BufferedEnd = bufferedEnd,
                Start = interval.Start.UtcTicks,
                End = interval.End.UtcTicks,
                Seats = interval.Seats,
                SameService = serviceId is not null && string.Equals(interval.ServiceId, serviceId, StringComparison.Ordinal),
            };
        }

        entries.AsSpan(0, count).Sort(static (a, b) => a.BufferedStart.CompareTo(b.BufferedStart));
        var reach = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            reach = Math.Max(reach, entries[i].BufferedEnd);
            entries[i].Reach = reach;
        }
    }

    /// <summary>
    /// Seats taken in the candidate [start, end) by bookings of the same service at exactly that
    /// time, or <see cref="Blocked"/> when any other busy time overlaps its buffered range.
    /// </summary>
    public int SeatsTaken(long start, long end, long bufferedStart, long bufferedEnd)
    {
        if (bufferedEnd < lastBufferedEnd)
        {
            cursor = 0;
        }

        lastBufferedEnd = bufferedEnd;
        while (cursor < count && entries[cursor].BufferedStart < bufferedEnd)
        {
            cursor++;
        }

        var taken = 0;
        for (var i = cursor - 1; i >= 0 && entries[i].Reach > bufferedStart; i--)
        {
            ref readonly var entry = ref entries[i];
            if (entry.BufferedEnd <= bufferedStart)
            {
                continue;
            }

            if (!entry.SameService || entry.Start != start || entry.End != end)
            {
                return Blocked;
            }

            taken += entry.Seats;
        }

        return taken;
    }

    public void Dispose() => ArrayPool<Entry>.Shared.Return(entries);

    private struct Entry
    {
        public long BufferedStart;
        public long BufferedEnd;
        public long Start;
        public long End;
        public long Reach;
        public int Seats;
        public bool SameService;
    }
}
