namespace Telemed.Booking.Availability;

/// <summary>A stretch of UTC time (DateTime ticks) over which a zone keeps one offset.</summary>
internal readonly record struct OffsetSegment(long UtcStart, long UtcEnd, long Offset);

/// <summary>
/// Finds a zone's offsets around one local day, so wall-clock windows become UTC ranges with
/// plain arithmetic: within a segment, utc = local - offset. Looked up once per day, not per slot.
/// </summary>
internal static class ZoneOffsets
{
    public const int MaxSegments = 4;

    // Offsets stay within UTC-12..UTC+14 today; historic local mean times went a little further.
    private static readonly long Margin = TimeSpan.FromHours(16).Ticks;

    /// <summary>
    /// Fills <paramref name="segments"/>, in order, with the offsets in force over every instant
    /// whose local date is the day starting at <paramref name="localMidnight"/>; returns the count.
    /// Assumes a zone never changes its offset and back again within those ~56 hours.
    /// </summary>
    public static int AroundLocalDay(TimeZoneInfo zone, long localMidnight, Span<OffsetSegment> segments)
    {
        var from = localMidnight - Margin;
        var to = localMidnight + TimeSpan.TicksPerDay + Margin;
        var fromOffset = OffsetAt(zone, from);
        var toOffset = OffsetAt(zone, to);
        var count = 0;
        while (fromOffset != toOffset && count < segments.Length - 1)
        {
            var change = FirstChangeAfter(zone, from, fromOffset, to);
            segments[count++] = new OffsetSegment(from, change, fromOffset);
            from = change;
            fromOffset = OffsetAt(zone, change);
        }

        segments[count++] = new OffsetSegment(from, to, fromOffset);
        return count;
    }

    public static long OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    public static DateOnly LocalDate(TimeZoneInfo zone, long utcTicks) =>
        DateOnly.FromDayNumber((int)((utcTicks + OffsetAt(zone, utcTicks)) / TimeSpan.TicksPerDay));

    /// <summary>
    /// The first instant whose wall-clock reads <paramref name="localTicks"/> or later. A local
    /// time skipped by a spring-forward resolves to the instant the clocks jump; a repeated one
    /// to its first occurrence.
    /// </summary>
    public static long EarliestAtOrAfter(TimeZoneInfo zone, long localTicks)
    {
        Span<OffsetSegment> segments = stackalloc OffsetSegment[MaxSegments];
        var localMidnight = localTicks - localTicks % TimeSpan.TicksPerDay;
        var count = AroundLocalDay(zone, localMidnight, segments);
        for (var i = 0; i < count; i++)
        {
            var instant = Math.Max(segments[i].UtcStart, localTicks - segments[i].Offset);
            if (instant < segments[i].UtcEnd)
            {
                return instant;
            }
        }

        return localTicks - segments[count - 1].Offset;
    }

    // Bisects on whole seconds, the resolution of the tz database; both bounds are whole seconds.
    private static long FirstChangeAfter(TimeZoneInfo zone, long from, long fromOffset, long to)
    {
        var low = from / TimeSpan.TicksPerSecond;
        var high = to / TimeSpan.TicksPerSecond;
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (OffsetAt(zone, middle * TimeSpan.TicksPerSecond) == fromOffset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high * TimeSpan.TicksPerSecond;
    }
}
