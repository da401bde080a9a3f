using System.Globalization;

namespace Telemed.Booking.Availability;

/// <summary>A slot as a visitor sees it: their local date and ISO 8601 times with their offset.</summary>
public sealed record VisitorSlot(DateOnly Date, string Start, string End, int SeatsLeft, DateTimeOffset StartUtc);

/// <summary>
/// Bridges the visitor's zone and the engine's UTC instants: the visitor's "day" is their own
/// local day, whatever the host's zone.
/// </summary>
public static class VisitorTime
{
    /// <summary>
    /// The instants of the visitor's local dates <paramref name="firstDay"/> to
    /// <paramref name="lastDay"/> (both included). A day starts at the first instant whose wall
    /// clock reads midnight or later, which also covers zones whose clocks skip midnight.
    /// </summary>
    public static UtcRange DaysToUtc(DateOnly firstDay, DateOnly lastDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (lastDay < firstDay)
        {
            throw new ArgumentException("The last day must not come before the first.", nameof(lastDay));
        }

        return new UtcRange(StartOfDay(firstDay, zone), StartOfDay(lastDay.AddDays(1), zone));
    }

    /// <summary>The instant as the visitor's wall clock shows it, with their offset at that instant.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>ISO 8601 with the visitor's offset, e.g. 2026-03-08T10:00:00-04:00.</summary>
    public static string ToIso8601(DateTimeOffset instant, TimeZoneInfo zone) =>
        InZone(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static IReadOnlyList<VisitorSlot> Present(IReadOnlyList<AvailableSlot> slots, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(zone);
        var presented = new VisitorSlot[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            presented[i] = new VisitorSlot(
                DateOnly.FromDateTime(InZone(slot.Start, zone).DateTime),
                ToIso8601(slot.Start, zone),
                ToIso8601(slot.End, zone),
                slot.SeatsLeft,
                slot.Start);
        }

        return presented;
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) =>
        new(ZoneOffsets.EarliestAtOrAfter(zone, day.DayNumber * TimeSpan.TicksPerDay), TimeSpan.Zero);
}
