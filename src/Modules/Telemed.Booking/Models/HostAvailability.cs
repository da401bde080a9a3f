using Telemed.Booking.Availability;

namespace Telemed.Booking.Models;

/// <summary>
/// A host's hours as stored (one JSON document per host): weekly windows, other hours on given
/// dates, and time away. Windows are written "09:00-12:30" in the host's zone.
/// </summary>
public sealed record HostAvailability(
    IReadOnlyList<WeeklyHours> Weekly,
    IReadOnlyList<DateHours> Overrides,
    IReadOnlyList<AwayTime> OutOfOffice)
{
    public static readonly HostAvailability Empty = new([], [], []);

    public HostSchedule ToSchedule(TimeZoneInfo zone) => new(
        zone,
        Weekly.Select(w => new WeeklyWindow(w.Day, LocalTimeWindow.Parse(w.Window))),
        Overrides.Select(o => new DateOverride(o.Date, o.Windows.Select(LocalTimeWindow.Parse).ToList())),
        OutOfOffice.Select(a => a.ToOutOfOffice()));
}

public sealed record WeeklyHours(DayOfWeek Day, string Window);

/// <summary>Replaces the weekly hours on one date; no windows means closed that day.</summary>
public sealed record DateHours(DateOnly Date, IReadOnlyList<string> Windows);

/// <summary>Whole days away (<see cref="Window"/> null), or a window of one day.</summary>
public sealed record AwayTime(DateOnly From, DateOnly To, string? Window, string? Label)
{
    public OutOfOffice ToOutOfOffice() => Window is null
        ? Availability.OutOfOffice.WholeDays(From, To, Label)
        : Availability.OutOfOffice.Window(From, LocalTimeWindow.Parse(Window), Label);
}
