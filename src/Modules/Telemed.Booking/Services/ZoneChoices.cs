using System.Globalization;
using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>A zone as the visitor's picker shows it: "America/New York (EST, UTC-05:00)".</summary>
public sealed record ZoneChoice(string Id, string Name, string? Abbreviation, string Offset)
{
    public string Label => Abbreviation is null ? $"{Name} ({Offset})" : $"{Name} ({Abbreviation}, {Offset})";
}

/// <summary>
/// The one spelling of zones on the public pages: the IANA id with underscores shown as spaces, its abbreviation when
/// the tz database has a name for it (not one that only repeats the offset, such as "+03"), and the offset written in
/// full so that a search for "+05:30" or "UTC-05" finds it.
/// </summary>
public static class ZoneChoices
{
    public static string Name(string zoneId) => zoneId.Replace('_', ' ');

    /// <summary>"UTC+01:00", "UTC-03:30", "UTC+00:00".</summary>
    public static string OffsetText(TimeSpan offset) =>
        $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture)}";

    /// <summary>The zone as it reads at <paramref name="at"/> (its offset and abbreviation then).</summary>
    public static ZoneChoice For(TimeZoneInfo zone, DateTimeOffset at)
    {
        var abbreviation = ZoneAbbreviations.For(zone, at);
        var named = abbreviation.Length > 0 && char.IsAsciiLetter(abbreviation[0]) && !abbreviation.StartsWith("UTC", StringComparison.Ordinal);
        return new ZoneChoice(zone.Id, Name(zone.Id), named ? abbreviation : null, OffsetText(zone.GetUtcOffset(at)));
    }

    /// <summary>
    /// Every zone a visitor may pick, as it reads at <paramref name="at"/>, in the order of <see cref="VisitorZones.All"/>.
    /// Every time picker shows the whole list, so it is built once per quarter hour: zones change their offsets only on
    /// quarter hours of UTC (whole and half hours of local time, offsets in quarter hours), so one list serves the quarter.
    /// </summary>
    public static IReadOnlyList<ZoneChoice> All(DateTimeOffset at)
    {
        var quarter = at.UtcTicks - (at.UtcTicks % QuarterTicks);
        if (Lists.TryGetValue(quarter, out var cached))
        {
            return cached;
        }
        if (Lists.Count >= MaxLists)
        {
            Lists.Clear();
        }
        var start = new DateTimeOffset(quarter, TimeSpan.Zero);
        return Lists[quarter] = VisitorZones.All.Select(id => VisitorZones.TryFind(id, out var zone) ? For(zone, start) : null).OfType<ZoneChoice>().ToList();
    }

    private const long QuarterTicks = TimeSpan.TicksPerMinute * 15;

    /// <summary>Pickers ask for now and for the start of the chosen day in the visitor's zone: a few dozen quarters at most.</summary>
    private const int MaxLists = 256;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, IReadOnlyList<ZoneChoice>> Lists = new();
}
