using System.Globalization;

namespace Telemed.Core.Clinic;

/// <summary>
/// Instants as the person looking reads them: in their clinic's zone (the platform's for the operator), with
/// the zone's abbreviation ("3 Mar 2026, 10:04:05 GMT"), never as raw UTC.
/// </summary>
public sealed class ViewerTime
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly TimeZoneInfo _zone;

    public ViewerTime(string? zoneId, DateTimeOffset now)
    {
        _zone = IanaZones.TryFind(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
        ZoneId = _zone == TimeZoneInfo.Utc ? "UTC" : zoneId!;
        Now = now;
    }

    public string ZoneId { get; }

    public DateTimeOffset Now { get; }

    /// <summary>"Europe/London (GMT)", or "UTC".</summary>
    public string ZoneText => ZoneAbbreviations.For(_zone, Now) is var abbreviation && abbreviation == ZoneId
        ? ZoneId
        : $"{ZoneId.Replace('_', ' ')} ({abbreviation})";

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>"3 Mar 2026, 10:04:05 GMT".</summary>
    public string Full(DateTimeOffset instant) => $"{Local(instant).ToString("d MMM yyyy, HH:mm:ss", English)} {ZoneAbbreviations.For(_zone, instant)}";

    /// <summary>"Tue 3 Mar 2026, 10:04 GMT".</summary>
    public string DayAndTime(DateTimeOffset instant) => $"{Local(instant).ToString("ddd d MMM yyyy, HH:mm", English)} {ZoneAbbreviations.For(_zone, instant)}";

    /// <summary>"Tue 3 Mar 2026, 10:00–10:30 GMT", or across days "Tue 3 Mar 2026, 23:30 GMT – Wed 4 Mar, 00:30 GMT".</summary>
    public string Range(DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to) = (Local(start), Local(end));
        return from.Date == to.Date
            ? $"{from.ToString("ddd d MMM yyyy, HH:mm", English)}–{to.ToString("HH:mm", English)} {ZoneAbbreviations.For(_zone, start)}"
            : $"{DayAndTime(start)} – {to.ToString("ddd d MMM, HH:mm", English)} {ZoneAbbreviations.For(_zone, end)}";
    }

    /// <summary>"10:04 GMT".</summary>
    public string Clock(DateTimeOffset instant) => $"{Local(instant).ToString("HH:mm", English)} {ZoneAbbreviations.For(_zone, instant)}";

    /// <summary>The value of a <c>time</c> element's datetime attribute, with the zone's offset.</summary>
    public string Machine(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>"in 5 min", "3 h ago", "just now".</summary>
    public string Relative(DateTimeOffset instant)
    {
        var difference = instant - Now;
        if (difference.Duration() < TimeSpan.FromSeconds(30))
        {
            return "just now";
        }
        var span = Span(difference.Duration());
        return difference > TimeSpan.Zero ? $"in {span}" : $"{span} ago";
    }

    /// <summary>"450 ms", "12 s", "4 min", "3 h", "2 days".</summary>
    public static string Span(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => $"{span.TotalMilliseconds.ToString("0", English)} ms",
        { TotalSeconds: < 10 } => $"{span.TotalSeconds.ToString("0.#", English)} s",
        { TotalMinutes: < 1 } => $"{span.TotalSeconds.ToString("0", English)} s",
        { TotalHours: < 1 } => $"{span.TotalMinutes.ToString("0", English)} min",
        { TotalDays: < 2 } => $"{span.TotalHours.ToString("0", English)} h",
        _ => $"{span.TotalDays.ToString("0", English)} days",
    };
}
