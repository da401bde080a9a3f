using System.Globalization;

namespace Telemed.Booking.Services;

/// <summary>
/// The one reader for the dates, day ranges and instants that arrive as text (query strings, forms,
/// schedule lines), with the limits every caller keeps: days from <see cref="FirstDay"/> to
/// <see cref="LastDay"/>, ranges of at most <see cref="MaxDays"/> days, instants in ISO 8601 within
/// those days. Whatever it lets through can be put in any zone, and have weeks added, without
/// leaving the calendar.
/// </summary>
public static class TimeInput
{
    /// <summary>The most days one request for free times may cover.</summary>
    public const int MaxDays = 62;

    /// <summary>Long enough for any ISO 8601 instant with fractions and an offset.</summary>
    public const int MaxInstantLength = 40;

    public static readonly DateOnly FirstDay = new(2000, 1, 1);
    public static readonly DateOnly LastDay = new(2100, 12, 31);

    public const string DayMessage = "Give a date as yyyy-MM-dd, from 2000-01-01 to 2100-12-31.";
    public const string MonthMessage = "Give a month as yyyy-MM, from 2000-01 to 2100-12.";
    public const string InstantMessage = "Give a time such as 2026-03-08T10:00:00+01:00, from the year 2000 to 2100.";
    public static readonly string RangeMessage = $"'to' must be on or after 'from', at most {MaxDays} days in all.";

    private const string DayFormat = "yyyy-MM-dd";
    private const string MonthFormat = "yyyy-MM";

    /// <summary>ISO 8601 as the picker and the pages write it; a missing offset is UTC.</summary>
    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static bool IsInRange(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>A day written yyyy-MM-dd, within the limits.</summary>
    public static bool TryReadDay(string? text, out DateOnly day)
    {
        day = default;
        return text is { Length: 10 }
            && DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && IsInRange(day);
    }

    /// <summary>A month written yyyy-MM, within the limits; <paramref name="firstDay"/> is its first day.</summary>
    public static bool TryReadMonth(string? text, out DateOnly firstDay)
    {
        firstDay = default;
        return text is { Length: 7 }
            && DateOnly.TryParseExact(text, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay)
            && IsInRange(firstDay);
    }

    public static string MonthText(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    public static string DayText(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>An instant in ISO 8601 whose UTC day is within the limits.</summary>
    public static bool TryReadInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is { Length: > 0 and <= MaxInstantLength }
            && DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant)
            && IsInRange(DateOnly.FromDateTime(instant.UtcDateTime));
    }

    /// <summary>
    /// A wall-clock time "yyyy-MM-ddTHH:mm" as read in <paramref name="zone"/> (what the staff calendar sends for a
    /// clicked or dropped time). A time the clocks skip does not exist; one they repeat is its first occurrence.
    /// </summary>
    public static bool TryReadLocal(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (text is not { Length: 16 or 19 }
            || !DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !IsInRange(DateOnly.FromDateTime(local))
            || zone.IsInvalidTime(local))
        {
            return false;
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        instant = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>
    /// The days from <paramref name="from"/> to <paramref name="to"/>, both included; a missing
    /// <paramref name="from"/> is <paramref name="today"/>, a missing <paramref name="to"/> is
    /// <paramref name="defaultDays"/> days in all. Problems are added to <paramref name="errors"/> by parameter name.
    /// </summary>
    public static (DateOnly First, DateOnly Last) ReadDays(string? from, string? to, DateOnly today, int defaultDays, IDictionary<string, string[]> errors)
    {
        var first = today;
        if (!string.IsNullOrEmpty(from) && !TryReadDay(from, out first))
        {
            errors["from"] = [DayMessage];
            first = today;
        }
        var last = first.AddDays(defaultDays - 1);
        if (!string.IsNullOrEmpty(to) && !TryReadDay(to, out last))
        {
            errors["to"] = [DayMessage];
            last = first;
        }
        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
        {
            errors["to"] = [RangeMessage];
        }
        return (first, last);
    }
}
