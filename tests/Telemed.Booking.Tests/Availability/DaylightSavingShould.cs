using Telemed.Booking.Availability;
using static Telemed.Booking.Tests.Availability.Given;

namespace Telemed.Booking.Tests.Availability;

/// <summary>
/// 2026 clock changes: New York springs forward on 8 March at 07:00Z (02:00 EST becomes 03:00 EDT)
/// and falls back on 1 November at 06:00Z (02:00 EDT becomes 01:00 EST); London springs forward on
/// 29 March at 01:00Z and falls back on 25 October at 01:00Z; Kolkata stays at +05:30.
/// All four days are Sundays.
/// </summary>
public class DaylightSavingShould
{
    [Theory]
    // New York, spring forward: 01:00-04:00 holds two real hours and no 02:xx start.
    [InlineData("America/New_York", "2026-03-08", "01:00-04:00", new[] { "2026-03-08T06:00Z", "2026-03-08T07:00Z" })]
    // An edge in the skipped hour lands on the instant the clocks jump (03:00 EDT).
    [InlineData("America/New_York", "2026-03-08", "02:30-05:00", new[] { "2026-03-08T07:00Z", "2026-03-08T08:00Z" })]
    [InlineData("America/New_York", "2026-03-08", "00:00-02:30", new[] { "2026-03-08T05:00Z", "2026-03-08T06:00Z" })]
    [InlineData("America/New_York", "2026-03-08", "09:00-12:00", new[] { "2026-03-08T13:00Z", "2026-03-08T14:00Z", "2026-03-08T15:00Z" })]
    // New York, fall back: 00:00-03:00 holds four real hours, 01:00 EDT and 01:00 EST both start a slot.
    [InlineData("America/New_York", "2026-11-01", "00:00-03:00", new[] { "2026-11-01T04:00Z", "2026-11-01T05:00Z", "2026-11-01T06:00Z", "2026-11-01T07:00Z" })]
    [InlineData("America/New_York", "2026-11-01", "01:00-02:00", new[] { "2026-11-01T05:00Z", "2026-11-01T06:00Z" })]
    [InlineData("America/New_York", "2026-11-01", "09:00-12:00", new[] { "2026-11-01T14:00Z", "2026-11-01T15:00Z", "2026-11-01T16:00Z" })]
    // London, spring forward: 00:00-03:00 GMT/BST is two real hours; 01:00-02:00 does not exist at all.
    [InlineData("Europe/London", "2026-03-29", "00:00-03:00", new[] { "2026-03-29T00:00Z", "2026-03-29T01:00Z" })]
    [InlineData("Europe/London", "2026-03-29", "01:00-02:00", new string[0])]
    [InlineData("Europe/London", "2026-03-29", "09:00-11:00", new[] { "2026-03-29T08:00Z", "2026-03-29T09:00Z" })]
    // London, fall back: the local day starts at 23:00Z the evening before.
    [InlineData("Europe/London", "2026-10-25", "00:00-03:00", new[] { "2026-10-24T23:00Z", "2026-10-25T00:00Z", "2026-10-25T01:00Z", "2026-10-25T02:00Z" })]
    [InlineData("Europe/London", "2026-10-25", "01:00-02:00", new[] { "2026-10-25T00:00Z", "2026-10-25T01:00Z" })]
    [InlineData("Europe/London", "2026-10-25", "09:00-11:00", new[] { "2026-10-25T09:00Z", "2026-10-25T10:00Z" })]
    // Santiago springs forward at midnight: 6 September has no 00:00-01:00.
    [InlineData("America/Santiago", "2026-09-06", "00:00-02:00", new[] { "2026-09-06T04:00Z" })]
    public void TurnWallClockWindowsIntoRealTimeOnClockChangeDays(string zone, string sunday, string window, string[] expected)
    {
        var host = new HostSchedule(Zone(zone), Weekly($"Sun {window}"));
        var day = At(sunday + "T00:00Z");

        // A range a day wider on each side, so only the host's Sunday can produce slots.
        var slots = Slots(host, Minutes(60), $"{day.AddDays(-1):yyyy-MM-dd}T00:00Z", $"{day.AddDays(2):yyyy-MM-dd}T00:00Z");

        Assert.Equal(expected, Starts(slots));
    }

    [Fact]
    public void NeverStartASlotAtALocalTimeThatDoesNotExist()
    {
        var newYork = Zone("America/New_York");
        var host = new HostSchedule(newYork, Weekly("Sun 01:00-04:00"));

        var slots = Slots(host, Minutes(30), "2026-03-08T00:00Z", "2026-03-09T00:00Z");

        Assert.Equal(
            ["2026-03-08T01:00:00-05:00", "2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"],
            slots.Select(slot => VisitorTime.ToIso8601(slot.Start, newYork)));
    }

    [Theory]
    [InlineData("2026-03-08", "01:00-04:00", 45, new[] { "2026-03-08T01:00:00-05:00", "2026-03-08T01:45:00-05:00" })]
    [InlineData("2026-11-01", "00:00-03:00", 90, new[] { "2026-11-01T00:00:00-04:00", "2026-11-01T01:30:00-04:00" })]
    public void RunSlotsAcrossTheClockChangeWithoutRestartingTheGrid(string sunday, string window, int minutes, string[] expected)
    {
        var newYork = Zone("America/New_York");
        var host = new HostSchedule(newYork, Weekly($"Sun {window}"));

        var slots = Slots(host, Minutes(minutes), $"{sunday}T00:00Z", $"{sunday}T23:00Z");

        Assert.Equal(expected, slots.Select(slot => VisitorTime.ToIso8601(slot.Start, newYork)));
    }

    [Fact]
    public void SpaceSlotsByRealTimeThroughTheRepeatedHour()
    {
        var newYork = Zone("America/New_York");
        var host = new HostSchedule(newYork, Weekly("Sun 00:00-03:00"));

        var slots = Slots(host, Minutes(30), "2026-11-01T00:00Z", "2026-11-02T00:00Z");

        Assert.Equal(
            ["2026-11-01T00:00:00-04:00", "2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00",
             "2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00", "2026-11-01T02:00:00-05:00", "2026-11-01T02:30:00-05:00"],
            slots.Select(slot => VisitorTime.ToIso8601(slot.Start, newYork)));
        Assert.Equal(8, slots.Select(slot => slot.Start).Distinct().Count());
    }

    [Fact]
    public void KeepBothPassesOfARepeatedWindowButNotTheTimeBetweenThem()
    {
        // 01:30-02:00 happens at 05:30-06:00Z (EDT) and again at 06:30-07:00Z (EST).
        var host = new HostSchedule(Zone("America/New_York"), Weekly("Sun 01:30-02:00"));

        Assert.Equal(
            ["2026-11-01T05:30Z", "2026-11-01T06:30Z"],
            Starts(Slots(host, Minutes(30), "2026-11-01T00:00Z", "2026-11-02T00:00Z")));
        Assert.Empty(Slots(host, Minutes(60), "2026-11-01T00:00Z", "2026-11-02T00:00Z"));
    }

    [Fact]
    public void FollowTheHostsOffsetFromOneDayToTheNext()
    {
        var host = new HostSchedule(Zone("America/New_York"), EveryDay("09:00-10:00"));

        var slots = Slots(host, Minutes(60), "2026-03-07T00:00Z", "2026-03-10T00:00Z");

        Assert.Equal(["2026-03-07T14:00Z", "2026-03-08T13:00Z", "2026-03-09T13:00Z"], Starts(slots));
    }

    [Theory]
    [InlineData("2026-03-07")]
    [InlineData("2026-03-08")]
    [InlineData("2026-03-09")]
    [InlineData("2026-03-29")]
    [InlineData("2026-10-25")]
    [InlineData("2026-11-01")]
    public void GiveKolkataTheSameInstantsWhileOtherZonesChangeTheirClocks(string date)
    {
        var kolkata = Zone("Asia/Kolkata");
        var host = new HostSchedule(kolkata, EveryDay("09:00-11:00"));

        var slots = Slots(host, Minutes(60), $"{date}T00:00Z", $"{date}T23:59Z");

        Assert.Equal([$"{date}T03:30Z", $"{date}T04:30Z"], Starts(slots));
        Assert.Equal([$"{date}T09:00:00+05:30", $"{date}T10:00:00+05:30"], slots.Select(slot => VisitorTime.ToIso8601(slot.Start, kolkata)));
    }

    [Fact]
    public void ShowAKolkataHostToANewYorkVisitorWithTheVisitorsOffsetOfTheDay()
    {
        var host = new HostSchedule(Zone("Asia/Kolkata"), EveryDay("09:00-10:00"));

        var slots = Slots(host, Minutes(60), "2026-03-07T00:00Z", "2026-03-10T00:00Z");

        Assert.Equal(
            ["2026-03-06T22:30:00-05:00", "2026-03-07T22:30:00-05:00", "2026-03-08T23:30:00-04:00"],
            slots.Select(slot => VisitorTime.ToIso8601(slot.Start, Zone("America/New_York"))));
    }

    [Fact]
    public void KeepSlotsInOrderWhenClocksFallBackAcrossMidnight()
    {
        // A zone at UTC+0 with summer time (+1) that ends on 1 March 2026 at 00:30 summer time:
        // clocks go back to 23:30 on 28 February, so the 1 March 00:00-00:30 is lived before the
        // second 28 February 23:30-24:00.
        var summer = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2026, 1, 1), new DateTime(2026, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 1, 15),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 30, 0), 3, 1));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Midnight", TimeSpan.Zero, "Midnight", "Standard", "Summer", [summer]);
        var host = new HostSchedule(zone, Weekly("Sat 23:00-24:00", "Sun 00:00-01:00"));
        BusyInterval[] busy = [Busy("2026-02-28T23:30Z", "2026-02-28T23:40Z")];

        var slots = Slots(host, Minutes(15), "2026-02-28T00:00Z", "2026-03-02T00:00Z", busy);

        // Saturday gives 22:00-23:00Z and 23:30-24:00Z, Sunday 23:00-23:30Z and 00:00-01:00Z;
        // only 23:30Z meets the busy time.
        Assert.Equal(
            ["2026-02-28T22:00Z", "2026-02-28T22:15Z", "2026-02-28T22:30Z", "2026-02-28T22:45Z",
             "2026-02-28T23:00Z", "2026-02-28T23:15Z", "2026-02-28T23:45Z",
             "2026-03-01T00:00Z", "2026-03-01T00:15Z", "2026-03-01T00:30Z", "2026-03-01T00:45Z"],
            Starts(slots));
    }
}
