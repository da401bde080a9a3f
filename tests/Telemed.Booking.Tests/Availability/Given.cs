using System.Globalization;
using Telemed.Booking.Availability;

namespace Telemed.Booking.Tests.Availability;

/// <summary>Short ways to state schedules and instants in tests.</summary>
internal static class Given
{
    public static readonly DateTimeOffset LongBefore = At("2026-01-01T00:00Z");

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>Weekly windows such as "Mon 09:00-12:00".</summary>
    public static WeeklyWindow[] Weekly(params string[] windows) =>
        windows.Select(text => new WeeklyWindow(Day(text[..3]), LocalTimeWindow.Parse(text[4..]))).ToArray();

    public static WeeklyWindow[] EveryDay(string window) =>
        Enum.GetValues<DayOfWeek>().Select(day => new WeeklyWindow(day, LocalTimeWindow.Parse(window))).ToArray();

    public static SlotRules Minutes(int duration, int? step = null) => new()
    {
        Duration = TimeSpan.FromMinutes(duration),
        Step = step is null ? null : TimeSpan.FromMinutes(step.Value),
    };

    public static BusyInterval Busy(string start, string end, int bufferBefore = 0, int bufferAfter = 0, string? service = null, int seats = 1) =>
        new(At(start), At(end), TimeSpan.FromMinutes(bufferBefore), TimeSpan.FromMinutes(bufferAfter), service, seats);

    public static IReadOnlyList<AvailableSlot> Slots(
        HostSchedule host, SlotRules rules, string from, string to, IReadOnlyList<BusyInterval>? busy = null, string? now = null) =>
        AvailabilityEngine.FindSlots(host, rules, busy ?? [], new AvailabilityQuery(At(from), At(to), now is null ? LongBefore : At(now)));

    /// <summary>Slot starts as compact UTC text, e.g. "2026-03-09T09:00Z".</summary>
    public static string[] Starts(IEnumerable<AvailableSlot> slots) =>
        slots.Select(slot => slot.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)).ToArray();

    private static DayOfWeek Day(string name) =>
        Enum.GetValues<DayOfWeek>().Single(day => day.ToString().StartsWith(name, StringComparison.Ordinal));
}
