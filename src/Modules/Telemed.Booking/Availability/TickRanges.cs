namespace Telemed.Booking.Availability;

/// <summary>
/// A small reusable list of UTC tick ranges for one local day, kept sorted and merged. Allocated
/// once per query and cleared per day.
/// </summary>
internal sealed class TickRanges
{
    private (long Start, long End)[] items = new (long, long)[8];

    public int Count { get; private set; }

    public (long Start, long End) this[int index] => items[index];

    public void Clear() => Count = 0;

    /// <summary>Adds the UTC time whose wall clock falls inside each window of the local day.</summary>
    public void AddWindows(ReadOnlySpan<LocalTimeWindow> windows, long localMidnight, ReadOnlySpan<OffsetSegment> segments)
    {
        foreach (var window in windows)
        {
            var localStart = localMidnight + window.Start.Ticks;
            var localEnd = localMidnight + window.End.Ticks;
            foreach (var segment in segments)
            {
                var start = Math.Max(segment.UtcStart, localStart - segment.Offset);
                var end = Math.Min(segment.UtcEnd, localEnd - segment.Offset);
                if (start < end)
                {
                    Insert(start, end);
                }
            }
        }
    }

    public bool Overlaps(long start, long end)
    {
        for (var i = 0; i < Count; i++)
        {
            if (items[i].Start < end && start < items[i].End)
            {
                return true;
            }
        }

        return false;
    }

    // Keeps the list sorted and merges touching ranges, so the parts of a window on either side
    // of a clock change become one stretch of real time.
    private void Insert(long start, long end)
    {
        var index = Count;
        while (index > 0 && items[index - 1].Start > start)
        {
            index--;
        }

        if (index > 0 && items[index - 1].End >= start)
        {
            index--;
            start = items[index].Start;
            end = Math.Max(end, items[index].End);
            RemoveAt(index);
        }

        while (index < Count && items[index].Start <= end)
        {
            end = Math.Max(end, items[index].End);
            RemoveAt(index);
        }

        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        Array.Copy(items, index, items, index + 1, Count - index);
        items[index] = (start, end);
        Count++;
    }

    private void RemoveAt(int index)
    {
        Count--;
        Array.Copy(items, index + 1, items, index, Count - index);
    }
}
