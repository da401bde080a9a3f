using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Telemed.Booking.Availability;
using Telemed.Booking.Services;

namespace Telemed.Booking.Pages.Booking;

/// <summary>One day of the month grid, with how many free times it has in the visitor's zone.</summary>
public sealed record CalendarDay(DateOnly Date, int TimeCount, bool IsToday)
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public string Key => TimeInput.DayText(Date);

    /// <summary>What a screen reader says for the cell: "Tuesday 15 December 2026, 6 times available".</summary>
    public string Label => $"{Date.ToString("dddd d MMMM yyyy", English)}, {TimeCount switch
    {
        0 => "no times available",
        1 => "1 time available",
        _ => $"{TimeCount} times available",
    }}";
}

/// <summary>A free time as a link to the next step.</summary>
public sealed record TimeChoice(string Start, string Clock, string? HostName, int? SeatsLeft, string Href)
{
    public string Text => SeatsLeft is { } seats ? $"{Clock} · {seats} left" : Clock;
}

/// <summary>What a month's links depend on beyond the month itself: the page's address, the zone as written in the link and the last bookable day (the month arrows).</summary>
public readonly record struct MonthLinks(PathString PathBase, PathString Path, string Zone, DateOnly LastDay);

/// <summary>A month drawn as HTML for one set of links.</summary>
public sealed record MonthDrawing(MonthLinks Links, IHtmlContent Html);

/// <summary>
/// A month of free times in the visitor's zone, as the page draws it: weeks from Monday (null outside the month),
/// the chosen day and its times. "Any host" shows each start once, as the details step picks the host.
/// </summary>
public sealed class SlotMonth
{
    private SlotMonth(DateOnly month, IReadOnlyList<CalendarDay?[]> weeks, DateOnly? selected, IReadOnlyList<HostSlot> selectedSlots)
    {
        Month = month;
        Weeks = weeks;
        Selected = selected;
        SelectedSlots = selectedSlots;
    }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; }
    public IReadOnlyList<CalendarDay?[]> Weeks { get; }
    public DateOnly? Selected { get; }
    public IReadOnlyList<HostSlot> SelectedSlots { get; }

    /// <summary>The HTML this month was last drawn as, and for which links (see <c>PickModel.DrawMonthAsync</c>).</summary>
    public MonthDrawing? Drawing { get; set; }

    public string Key => TimeInput.MonthText(Month);
    public string Title => Month.ToString("MMMM yyyy", CalendarDay.English);
    public string? SelectedTitle => Selected?.ToString("dddd d MMMM", CalendarDay.English);
    public bool HasTimes => Weeks.Any(week => week.Any(day => day?.TimeCount > 0));
    public DateOnly? FirstDayWithTimes => Weeks.SelectMany(week => week).FirstOrDefault(day => day?.TimeCount > 0)?.Date;

    /// <summary>
    /// The month of <paramref name="month"/> from its free slots; <paramref name="wanted"/> is the day to select when it
    /// is in the month, otherwise the first day with times is.
    /// </summary>
    public static SlotMonth Build(DateOnly month, IReadOnlyList<HostSlot> slots, bool anyHost, TimeZoneInfo zone, DateOnly today, DateOnly? wanted)
    {
        var byDay = slots
            .DistinctBy(slot => anyHost ? slot.Slot.Start : (object)(slot.Slot.Start, slot.Host.Id))
            .GroupBy(slot => DateOnly.FromDateTime(VisitorTime.InZone(slot.Slot.Start, zone).DateTime))
            .ToDictionary(day => day.Key, day => (IReadOnlyList<HostSlot>)day.ToList());

        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var weeks = new List<CalendarDay?[]>();
        var week = new CalendarDay?[7];
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var column = ((int)day.DayOfWeek + 6) % 7;
            if (column == 0 && day != first)
            {
                weeks.Add(week);
                week = new CalendarDay?[7];
            }
            week[column] = new CalendarDay(day, byDay.TryGetValue(day, out var times) ? times.Count : 0, day == today);
        }
        weeks.Add(week);

        var selected = wanted is { } asked && asked >= first && asked <= last
            ? asked
            : byDay.Keys.Where(day => day >= first && day <= last).Order().Cast<DateOnly?>().FirstOrDefault();
        return new SlotMonth(first, weeks, selected, selected is { } chosen && byDay.TryGetValue(chosen, out var chosenSlots) ? chosenSlots : []);
    }
}
