using System.Globalization;
using Telemed.Booking.Availability;
using Telemed.Booking.Models;

namespace Telemed.Booking.Services;

/// <summary>
/// The plain-text forms staff type a schedule in, read strictly with one message per bad line:
/// a day's hours "09:00-12:00, 13:00-17:00"; a date override "2026-12-24 09:00-12:00" or
/// "2026-12-25 closed"; time away "2026-12-24 Conference", "2026-12-24..2026-12-31 Holiday" or
/// "2026-12-24 13:00-17:00 Dentist".
/// </summary>
public static class ScheduleText
{
    private const string DateFormat = "yyyy-MM-dd";

    public static IReadOnlyList<string> ParseWindows(string? text, out string? error)
    {
        error = null;
        var windows = new List<string>();
        foreach (var part in (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryWindow(part, out var window))
            {
                error = $"'{Clip(part)}' is not a window such as 09:00-12:30.";
                return [];
            }
            windows.Add(window.ToString());
        }
        return windows;
    }

    public static IReadOnlyList<DateHours> ParseOverrides(string? text, out string? error)
    {
        error = null;
        var overrides = new List<DateHours>();
        foreach (var (line, number) in Lines(text))
        {
            var (datePart, rest) = SplitFirst(line);
            if (!TimeInput.TryReadDay(datePart, out var date))
            {
                error = $"Line {number}: start with a date such as 2026-12-24, from 2000 to 2100.";
                return [];
            }
            if (rest.Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                overrides.Add(new DateHours(date, []));
                continue;
            }
            var windows = ParseWindows(rest, out var windowError);
            if (windowError is not null || windows.Count == 0)
            {
                error = $"Line {number}: {windowError ?? "give the hours (09:00-12:00) or the word closed."}";
                return [];
            }
            overrides.Add(new DateHours(date, windows));
        }
        return overrides;
    }

    public static IReadOnlyList<AwayTime> ParseOutOfOffice(string? text, out string? error)
    {
        error = null;
        var away = new List<AwayTime>();
        foreach (var (line, number) in Lines(text))
        {
            var (dates, rest) = SplitFirst(line);
            var range = dates.Split("..", 2);
            if (!TimeInput.TryReadDay(range[0], out var from) || !TimeInput.TryReadDay(range.Length > 1 ? range[1] : range[0], out var to))
            {
                error = $"Line {number}: start with a date (2026-12-24) or a range of dates (2026-12-24..2026-12-31), from 2000 to 2100.";
                return [];
            }
            if (to < from || to.DayNumber - from.DayNumber > 366)
            {
                error = $"Line {number}: the last date must follow the first, within a year.";
                return [];
            }
            var (first, label) = SplitFirst(rest);
            string? window = null;
            if (TryWindow(first, out var parsed))
            {
                if (range.Length > 1)
                {
                    error = $"Line {number}: hours away apply to one date; use one line per date.";
                    return [];
                }
                window = parsed.ToString();
            }
            else
            {
                label = rest;
            }
            away.Add(new AwayTime(from, to, window, string.IsNullOrWhiteSpace(label) ? null : Clip(label.Trim(), 80)));
        }
        return away;
    }

    public static string FormatWindows(IEnumerable<string> windows) => string.Join(", ", windows);

    public static string FormatOverrides(IEnumerable<DateHours> overrides) => string.Join("\n", overrides.OrderBy(o => o.Date).Select(o =>
        $"{o.Date.ToString(DateFormat, CultureInfo.InvariantCulture)} {(o.Windows.Count == 0 ? "closed" : FormatWindows(o.Windows))}"));

    public static string FormatOutOfOffice(IEnumerable<AwayTime> away) => string.Join("\n", away.OrderBy(a => a.From).Select(a =>
    {
        var dates = a.From == a.To
            ? a.From.ToString(DateFormat, CultureInfo.InvariantCulture)
            : $"{a.From.ToString(DateFormat, CultureInfo.InvariantCulture)}..{a.To.ToString(DateFormat, CultureInfo.InvariantCulture)}";
        return string.Join(" ", new[] { dates, a.Window, a.Label }.Where(p => !string.IsNullOrEmpty(p)));
    }));

    private static bool TryWindow(string text, out LocalTimeWindow window)
    {
        try
        {
            window = LocalTimeWindow.Parse(text);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            window = default;
            return false;
        }
    }

    private static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((line, index) => (line.Trim(), index + 1)).Where(l => l.Item1.Length > 0);

    private static (string Head, string Tail) SplitFirst(string text)
    {
        var space = text.IndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    private static string Clip(string text, int length = 40) => text.Length <= length ? text : text[..length] + "…";
}
