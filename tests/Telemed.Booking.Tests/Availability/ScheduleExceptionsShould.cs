using Telemed.Booking.Availability;
using static Telemed.Booking.Tests.Availability.Given;

namespace Telemed.Booking.Tests.Availability;

public class ScheduleExceptionsShould
{
    private static readonly DateOnly Monday = new(2026, 3, 16);
    private static readonly WeeklyWindow[] MondaysAndTuesdays = Weekly("Mon 09:00-12:00", "Tue 09:00-12:00");

    [Fact]
    public void ReplaceTheWeeklyWindowsOnAnOverriddenDate()
    {
        var host = new HostSchedule(TimeZoneInfo.Utc, MondaysAndTuesdays,
            [new DateOverride(Monday, [LocalTimeWindow.Parse("14:00-16:00")])]);

        var slots = Slots(host, Minutes(60), "2026-03-09T00:00Z", "2026-03-17T00:00Z");

        Assert.Equal(
            ["2026-03-09T09:00Z", "2026-03-09T10:00Z", "2026-03-09T11:00Z",
             "2026-03-10T09:00Z", "2026-03-10T10:00Z", "2026-03-10T11:00Z",
             "2026-03-16T14:00Z", "2026-03-16T15:00Z"],
            Starts(slots));
    }

    [Fact]
    public void CloseAnOverriddenDateWithoutWindows()
    {
        var host = new HostSchedule(TimeZoneInfo.Utc, MondaysAndTuesdays, [DateOverride.Closed(Monday)]);

        var slots = Slots(host, Minutes(60), "2026-03-16T00:00Z", "2026-03-18T00:00Z");

        Assert.Equal(["2026-03-17T09:00Z", "2026-03-17T10:00Z", "2026-03-17T11:00Z"], Starts(slots));
    }

    [Fact]
    public void OpenADayOutsideTheWeekThroughAnOverride()
    {
        var sunday = new DateOnly(2026, 3, 15);
        var host = new HostSchedule(TimeZoneInfo.Utc, MondaysAndTuesdays,
            [new DateOverride(sunday, [LocalTimeWindow.Parse("10:00-11:00")]), new DateOverride(sunday, [LocalTimeWindow.Parse("15:00-16:00")])]);

        var slots = Slots(host, Minutes(60), "2026-03-15T00:00Z", "2026-03-16T00:00Z");

        Assert.Equal(["2026-03-15T10:00Z", "2026-03-15T15:00Z"], Starts(slots));
    }

    [Fact]
    public void SkipWholeDaysOutOfOffice()
    {
        var host = new HostSchedule(TimeZoneInfo.Utc, Weekly("Mon 09:00-10:00", "Tue 09:00-10:00", "Wed 09:00-10:00"),
            outOfOfficeTimes: [OutOfOffice.WholeDays(Monday, Monday.AddDays(1), "Conference")]);

        var slots = Slots(host, Minutes(60), "2026-03-09T00:00Z", "2026-03-19T00:00Z");

        Assert.Equal(["2026-03-09T09:00Z", "2026-03-10T09:00Z", "2026-03-11T09:00Z", "2026-03-18T09:00Z"], Starts(slots));
    }

    [Fact]
    public void HideSlotsOverlappingAnOutOfOfficeWindow()
    {
        var host = new HostSchedule(TimeZoneInfo.Utc, MondaysAndTuesdays,
            outOfOfficeTimes: [OutOfOffice.Window(Monday, LocalTimeWindow.Parse("10:30-11:00"), "School run")]);

        var slots = Slots(host, Minutes(60), "2026-03-16T00:00Z", "2026-03-17T00:00Z");

        // Only the 10:00 slot touches the away time; the grid stays anchored at the window start.
        Assert.Equal(["2026-03-16T09:00Z", "2026-03-16T11:00Z"], Starts(slots));
    }

    [Fact]
    public void HideSlotsOfOutOfOfficeTimeSpanningMidnight()
    {
        var host = new HostSchedule(TimeZoneInfo.Utc, MondaysAndTuesdays,
            outOfOfficeTimes: [new OutOfOffice(new DateTime(2026, 3, 16, 11, 30, 0), new DateTime(2026, 3, 17, 9, 30, 0), "Travel")]);

        var slots = Slots(host, Minutes(60), "2026-03-16T00:00Z", "2026-03-18T00:00Z");

        Assert.Equal(["2026-03-16T09:00Z", "2026-03-16T10:00Z", "2026-03-17T10:00Z", "2026-03-17T11:00Z"], Starts(slots));
    }

    [Fact]
    public void ReadOutOfOfficeDaysInTheHostsZone()
    {
        // Kolkata is UTC+05:30: its 01:00 falls on the previous UTC date.
        var host = new HostSchedule(Zone("Asia/Kolkata"), EveryDay("01:00-02:00"),
            outOfOfficeTimes: [OutOfOffice.WholeDays(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10))]);

        var slots = Slots(host, Minutes(60), "2026-03-08T00:00Z", "2026-03-11T00:00Z");

        Assert.Equal(["2026-03-08T19:30Z", "2026-03-10T19:30Z"], Starts(slots));
    }
}
