namespace Telemed.Booking.Availability;

/// <summary>
/// A host's working time in their own zone: weekly windows, per-date overrides and out-of-office
/// time, normalised once (sorted, overlapping windows merged) so that each query only looks days up.
/// </summary>
public sealed class HostSchedule
{
    private readonly LocalTimeWindow[][] weekly = new LocalTimeWindow[7][];
    private readonly Dictionary<DateOnly, LocalTimeWindow[]> overrides = [];
    private readonly Dictionary<DateOnly, LocalTimeWindow[]> outOfOffice = [];

    public HostSchedule(
        TimeZoneInfo timeZone,
        IEnumerable<WeeklyWindow> weeklyWindows,
        IEnumerable<DateOverride>? dateOverrides = null,
        IEnumerable<OutOfOffice>? outOfOfficeTimes = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(weeklyWindows);
        TimeZone = timeZone;

        var byDay = new List<LocalTimeWindow>[7];
        foreach (var window in weeklyWindows)
        {
            (byDay[(int)window.Day] ??= []).Add(window.Window);
        }

        for (var day = 0; day < 7; day++)
        {
            weekly[day] = Normalise(byDay[day]);
        }

        var overrideWindows = new Dictionary<DateOnly, List<LocalTimeWindow>>();
        foreach (var dateOverride in dateOverrides ?? [])
        {
            if (!overrideWindows.TryGetValue(dateOverride.Date, out var windows))
            {
                overrideWindows[dateOverride.Date] = windows = [];
            }

            windows.AddRange(dateOverride.Windows);
        }

        foreach (var (date, windows) in overrideWindows)
        {
            overrides[date] = Normalise(windows);
        }

        foreach (var (date, windows) in SplitIntoDays(outOfOfficeTimes ?? []))
        {
            outOfOffice[date] = Normalise(windows);
        }
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The windows the host works on <paramref name="date"/>, before out-of-office windows.</summary>
    internal ReadOnlySpan<LocalTimeWindow> WorkingWindowsOn(DateOnly date)
    {
        if (outOfOffice.TryGetValue(date, out var away) && away.Length == 1 && away[0].CoversWholeDay)
        {
            return [];
        }

        return overrides.TryGetValue(date, out var windows) ? windows : weekly[(int)date.DayOfWeek];
    }

    internal ReadOnlySpan<LocalTimeWindow> OutOfOfficeOn(DateOnly date) =>
        outOfOffice.TryGetValue(date, out var windows) ? windows : [];

    private static Dictionary<DateOnly, List<LocalTimeWindow>> SplitIntoDays(IEnumerable<OutOfOffice> times)
    {
        var byDate = new Dictionary<DateOnly, List<LocalTimeWindow>>();
        foreach (var time in times)
        {
            var date = DateOnly.FromDateTime(time.LocalStart);
            for (var midnight = date.ToDateTime(TimeOnly.MinValue); midnight < time.LocalEnd; midnight = midnight.AddDays(1))
            {
                var start = time.LocalStart > midnight ? time.LocalStart - midnight : TimeSpan.Zero;
                var end = time.LocalEnd < midnight.AddDays(1) ? time.LocalEnd - midnight : TimeSpan.FromDays(1);
                var day = DateOnly.FromDateTime(midnight);
                if (!byDate.TryGetValue(day, out var windows))
                {
                    byDate[day] = windows = [];
                }

                windows.Add(new LocalTimeWindow(start, end));
            }
        }

        return byDate;
    }

    // Sorted by start, with overlapping or touching windows joined: touching windows are one
    // stretch of open time, so slots run across the seam.
    private static LocalTimeWindow[] Normalise(List<LocalTimeWindow>? windows)
    {
        if (windows is null || windows.Count == 0)
        {
            return [];
        }

        windows.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<LocalTimeWindow>(windows.Count) { windows[0] };
        for (var i = 1; i < windows.Count; i++)
        {
            var last = merged[^1];
            if (windows[i].Start <= last.End)
            {
                merged[^1] = new LocalTimeWindow(last.Start, windows[i].End > last.End ? windows[i].End : last.End);
            }
            else
            {
                merged.Add(windows[i]);
            }
        }

        return [.. merged];
    }
}
