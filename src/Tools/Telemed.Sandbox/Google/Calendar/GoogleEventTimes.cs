using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// An event's start or end (<c>EventDateTime</c>): an RFC 3339 dateTime with an offset, or without one plus an IANA
/// timeZone, or an all-day date. Answers render the dateTime in the event's time zone, else the calendar's (UTC).
/// </summary>
internal static partial class GoogleEventTimes
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];

    /// <summary>An instant and the form the event keeps and shows (<c>{"dateTime", "timeZone"}</c> or <c>{"date"}</c>).</summary>
    public sealed record EventTime(DateTimeOffset Instant, bool AllDay, JsonObject Shown);

    public static (EventTime? Time, IResult? Error) Read(JsonNode? node, string which)
    {
        if (node is not JsonObject time || (time["date"] is null && time["dateTime"] is null))
        {
            return (null, GoogleErrors.Required($"Missing {which} time."));
        }

        // A patch deep-merges start/end, so a date left beside a new dateTime makes the time ambiguous, as Google says.
        if (time["date"] is not null && time["dateTime"] is not null)
        {
            return (null, GoogleErrors.Invalid($"Invalid {which} time."));
        }

        TimeZoneInfo? zone = null;
        var zoneName = Text(time["timeZone"]);
        if (zoneName is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            return (null, GoogleErrors.Invalid($"Invalid time zone definition for {which} time."));
        }

        return time["date"] is { } date ? ReadDate(Text(date), zoneName, which) : ReadDateTime(Text(time["dateTime"]), zone, zoneName, which);
    }

    /// <summary>Parses a list bound (timeMin/timeMax): RFC 3339 with a mandatory offset.</summary>
    public static DateTimeOffset? ParseBound(string? value) =>
        value is not null && DateTimeWithOffset().IsMatch(value) && TryParseOffsetDateTime(value, out var instant) ? instant : null;

    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static (EventTime?, IResult?) ReadDateTime(string? text, TimeZoneInfo? zone, string? zoneName, string which)
    {
        if (text is null)
        {
            return (null, GoogleErrors.Invalid($"Invalid {which} time."));
        }

        DateTimeOffset instant;
        if (DateTimeWithOffset().IsMatch(text))
        {
            if (!TryParseOffsetDateTime(text, out instant))
            {
                return (null, GoogleErrors.Invalid($"Invalid {which} time."));
            }
        }
        else if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, GoogleErrors.Invalid($"Invalid {which} time."));
        }
        else if (zone is null)
        {
            return (null, GoogleErrors.Required($"Missing time zone definition for {which} time."));
        }
        else if (zone.IsInvalidTime(local))
        {
            return (null, GoogleErrors.Invalid($"Invalid {which} time."));
        }
        else
        {
            instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        var shown = new JsonObject { ["dateTime"] = FormatInZone(instant, zone) };
        if (zoneName is not null)
        {
            shown["timeZone"] = zoneName;
        }

        return (new EventTime(instant, AllDay: false, shown), null);
    }

    private static (EventTime?, IResult?) ReadDate(string? text, string? zoneName, string which)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (null, GoogleErrors.Invalid($"Invalid {which} time."));
        }

        var shown = new JsonObject { ["date"] = text };
        if (zoneName is not null)
        {
            shown["timeZone"] = zoneName;
        }

        return (new EventTime(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), AllDay: true, shown), null);
    }

    private static string FormatInZone(DateTimeOffset instant, TimeZoneInfo? zone)
    {
        var local = zone is null ? instant.ToUniversalTime() : TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset == TimeSpan.Zero ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset;
    }

    private static bool TryParseOffsetDateTime(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeWithOffset();
}
