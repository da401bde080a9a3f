using System.Globalization;

namespace Telemed.Booking.Services;

/// <summary>Instants as people read them, in a given zone.</summary>
public static class TimeText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset In(DateTimeOffset instant, string? zoneId) =>
        VisitorZones.TryFind(zoneId, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone) : instant.ToUniversalTime();

    /// <summary>"Tue 3 Mar 2026, 10:00–10:30".</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, string? zoneId)
    {
        var from = In(start, zoneId);
        var to = In(end, zoneId);
        return from.Date == to.Date
            ? $"{from.ToString("ddd d MMM yyyy, HH:mm", English)}–{to.ToString("HH:mm", English)}"
            : $"{from.ToString("ddd d MMM yyyy, HH:mm", English)} – {to.ToString("ddd d MMM, HH:mm", English)}";
    }

    public static string Day(DateTimeOffset instant, string? zoneId) => In(instant, zoneId).ToString("dddd d MMMM yyyy", English);

    public static string Clock(DateTimeOffset instant, string? zoneId) => In(instant, zoneId).ToString("HH:mm", English);
}
