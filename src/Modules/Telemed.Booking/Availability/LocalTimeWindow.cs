using System.Globalization;

namespace Telemed.Booking.Availability;

/// <summary>
/// A stretch of wall-clock time within one local day, [Start, End), measured from local midnight.
/// End may be 24:00 (the following midnight). Windows never cross midnight: split them in two.
/// </summary>
public readonly record struct LocalTimeWindow
{
    private static readonly TimeSpan FullDay = TimeSpan.FromDays(1);

    public LocalTimeWindow(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > FullDay || start >= end)
        {
            throw new ArgumentException($"A local window needs 00:00 <= start < end <= 24:00 (got {start} to {end}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>An <paramref name="end"/> of 00:00 means the following midnight.</summary>
    public LocalTimeWindow(TimeOnly start, TimeOnly end)
        : this(start.ToTimeSpan(), end == TimeOnly.MinValue ? FullDay : end.ToTimeSpan())
    {
    }

    public static LocalTimeWindow WholeDay { get; } = new(TimeSpan.Zero, FullDay);

    /// <summary>Time since local midnight at which the window opens.</summary>
    public TimeSpan Start { get; }

    /// <summary>Time since local midnight at which the window closes (exclusive).</summary>
    public TimeSpan End { get; }

    internal bool CoversWholeDay => Start == TimeSpan.Zero && End == FullDay;

    /// <summary>Reads "HH:mm-HH:mm", for example "09:00-12:30" or "18:00-24:00".</summary>
    public static LocalTimeWindow Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-');
        if (dash < 0)
        {
            throw new FormatException($"'{text}' is not a window such as 09:00-12:00.");
        }

        return new LocalTimeWindow(ParseTime(text.AsSpan(0, dash)), ParseTime(text.AsSpan(dash + 1)));
    }

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static TimeSpan ParseTime(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.SequenceEqual("24:00"))
        {
            return FullDay;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new FormatException($"'{text}' is not a time such as 09:30.");
        }

        return time.ToTimeSpan();
    }

    private static string Format(TimeSpan time) =>
        time == FullDay ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
