using Telemed.Booking.Availability;
using static Telemed.Booking.Tests.Availability.Given;

namespace Telemed.Booking.Tests.Availability;

public class AvailabilityEngineShould
{
    // 2026-03-09 is a Monday; the host works in UTC here so that wall clock and instants agree.
    private static HostSchedule UtcHost(params string[] weekly) => new(TimeZoneInfo.Utc, Weekly(weekly));

    [Fact]
    public void OfferSlotsOfTheWeeklyWindowOnItsWeekdayOnly()
    {
        var host = UtcHost("Mon 09:00-12:00");

        var slots = Slots(host, Minutes(60), "2026-03-08T00:00Z", "2026-03-11T00:00Z");

        Assert.Equal(["2026-03-09T09:00Z", "2026-03-09T10:00Z", "2026-03-09T11:00Z"], Starts(slots));
        Assert.All(slots, slot =>
        {
            Assert.Equal(TimeSpan.Zero, slot.Start.Offset);
            Assert.Equal(slot.Start.AddHours(1), slot.End);
            Assert.Equal(1, slot.SeatsLeft);
        });
    }

    [Fact]
    public void OfferEveryWindowOfADayInOrder()
    {
        // Given out of order on purpose: the schedule sorts its windows.
        var host = UtcHost("Mon 13:00-17:00", "Mon 09:00-12:00");

        var slots = Slots(host, Minutes(60), "2026-03-09T00:00Z", "2026-03-10T00:00Z");

        Assert.Equal(
            ["2026-03-09T09:00Z", "2026-03-09T10:00Z", "2026-03-09T11:00Z",
             "2026-03-09T13:00Z", "2026-03-09T14:00Z", "2026-03-09T15:00Z", "2026-03-09T16:00Z"],
            Starts(slots));
    }

    [Fact]
    public void RepeatTheWeekAcrossTheQueryRange()
    {
        var host = UtcHost("Mon 09:00-10:00", "Wed 14:00-15:00");

        var slots = Slots(host, Minutes(60), "2026-03-09T00:00Z", "2026-03-23T00:00Z");

        Assert.Equal(
            ["2026-03-09T09:00Z", "2026-03-11T14:00Z", "2026-03-16T09:00Z", "2026-03-18T14:00Z"],
            Starts(slots));
    }

    [Fact]
    public void SpaceSlotStartsByTheStep()
    {
        var host = UtcHost("Mon 09:00-11:00");

        var slots = Slots(host, Minutes(60, step: 30), "2026-03-09T00:00Z", "2026-03-10T00:00Z");

        Assert.Equal(["2026-03-09T09:00Z", "2026-03-09T09:30Z", "2026-03-09T10:00Z"], Starts(slots));
    }

    [Fact]
    public void OfferOnlySlotsThatFitInTheWindow()
    {
        var host = UtcHost("Mon 09:00-10:00");

        var slots = Slots(host, Minutes(45), "2026-03-09T00:00Z", "2026-03-10T00:00Z");

        Assert.Equal(["2026-03-09T09:00Z"], Starts(slots));
    }

    [Fact]
    public void TreatTouchingWindowsAsOneStretch()
    {
        var host = UtcHost("Mon 09:00-10:30", "Mon 10:30-12:00");

        var slots = Slots(host, Minutes(60), "2026-03-09T00:00Z", "2026-03-10T00:00Z");

        Assert.Equal(["2026-03-09T09:00Z", "2026-03-09T10:00Z", "2026-03-09T11:00Z"], Starts(slots));
    }

    [Fact]
    public void OfferSlotsStartingInsideTheQueryRange()
    {
        var host = UtcHost("Mon 09:00-12:00");

        // 10:30 ends after the range closes but starts inside it, so it belongs to it.
        var slots = Slots(host, Minutes(30), "2026-03-09T10:00Z", "2026-03-09T11:00Z");

        Assert.Equal(["2026-03-09T10:00Z", "2026-03-09T10:30Z"], Starts(slots));
    }

    [Theory]
    [InlineData("2026-03-09T08:40Z", 120, new[] { "2026-03-09T11:00Z", "2026-03-09T11:30Z" })]
    [InlineData("2026-03-09T09:00Z", 0, new[] { "2026-03-09T09:00Z", "2026-03-09T09:30Z", "2026-03-09T10:00Z", "2026-03-09T10:30Z", "2026-03-09T11:00Z", "2026-03-09T11:30Z" })]
    [InlineData("2026-03-09T09:00Z", 150, new[] { "2026-03-09T11:30Z" })]
    [InlineData("2026-03-09T09:31Z", 0, new[] { "2026-03-09T10:00Z", "2026-03-09T10:30Z", "2026-03-09T11:00Z", "2026-03-09T11:30Z" })]
    [InlineData("2026-03-09T11:40Z", 0, new string[0])]
    public void OfferNothingBeforeNowPlusMinimumNoticeAndStayOnTheGrid(string now, int noticeMinutes, string[] expected)
    {
        var host = UtcHost("Mon 09:00-12:00");
        var rules = Minutes(30) with { MinimumNotice = TimeSpan.FromMinutes(noticeMinutes) };

        var slots = Slots(host, rules, "2026-03-09T00:00Z", "2026-03-10T00:00Z", now: now);

        Assert.Equal(expected, Starts(slots));
    }

    [Theory]
    [InlineData(48, new[] { "2026-03-09T09:00Z", "2026-03-10T09:00Z" })]
    [InlineData(33, new[] { "2026-03-09T09:00Z", "2026-03-10T09:00Z" })]
    [InlineData(32, new[] { "2026-03-09T09:00Z" })]
    [InlineData(0, new string[0])]
    public void OfferNothingStartingAfterNowPlusTheHorizon(int horizonHours, string[] expected)
    {
        var host = new HostSchedule(TimeZoneInfo.Utc, EveryDay("09:00-10:00"));
        var rules = Minutes(60) with { Horizon = TimeSpan.FromHours(horizonHours) };

        // Now is Monday midnight: a 33-hour horizon reaches Tuesday 09:00 exactly, which is still offered.
        var slots = Slots(host, rules, "2026-03-09T00:00Z", "2026-03-16T00:00Z", now: "2026-03-09T00:00Z");

        Assert.Equal(expected, Starts(slots));
    }

    [Fact]
    public void ReturnNothingForAnEmptyRangeOrAHostWithoutWindows()
    {
        Assert.Empty(Slots(UtcHost("Mon 09:00-12:00"), Minutes(30), "2026-03-09T10:00Z", "2026-03-09T10:00Z"));
        Assert.Empty(Slots(UtcHost(), Minutes(30), "2026-03-09T00:00Z", "2026-04-09T00:00Z"));
    }

    [Fact]
    public void RejectRulesThatCannotMakeSlots()
    {
        var host = UtcHost("Mon 09:00-12:00");

        Assert.Throws<ArgumentException>(() => Slots(host, Minutes(0), "2026-03-09T00:00Z", "2026-03-10T00:00Z"));
        Assert.Throws<ArgumentException>(() => Slots(host, Minutes(30, step: 0), "2026-03-09T00:00Z", "2026-03-10T00:00Z"));
        Assert.Throws<ArgumentException>(() => Slots(host, Minutes(30) with { Capacity = 0 }, "2026-03-09T00:00Z", "2026-03-10T00:00Z"));
        Assert.Throws<ArgumentException>(() => Slots(host, Minutes(30), "2026-03-10T00:00Z", "2026-03-09T00:00Z"));
    }

    [Fact]
    public void RefuseUnboundedQueriesButLetTheHorizonBoundThem()
    {
        var host = UtcHost("Mon 09:00-10:00");

        Assert.Throws<ArgumentException>(() => Slots(host, Minutes(60), "2026-03-09T00:00Z", "9000-01-01T00:00Z"));

        var bounded = Slots(host, Minutes(60) with { Horizon = TimeSpan.FromDays(8) }, "2026-03-09T00:00Z", "9000-01-01T00:00Z", now: "2026-03-09T00:00Z");
        Assert.Equal(["2026-03-09T09:00Z", "2026-03-16T09:00Z"], Starts(bounded));
    }

    [Theory]
    [InlineData("09:00-12:00", "09:00", "12:00")]
    [InlineData("18:30 - 24:00", "18:30", "1.00:00")]
    [InlineData("00:00-00:15", "00:00", "00:15")]
    public void ParseLocalWindows(string text, string start, string end)
    {
        var window = LocalTimeWindow.Parse(text);

        Assert.Equal(TimeSpan.Parse(start), window.Start);
        Assert.Equal(TimeSpan.Parse(end), window.End);
    }

    [Theory]
    [InlineData("12:00-09:00")]
    [InlineData("09:00-09:00")]
    [InlineData("09:00")]
    [InlineData("9h-10h")]
    [InlineData("23:00-25:00")]
    public void RefuseWindowsThatAreNotAStretchOfOneDay(string text)
    {
        Assert.ThrowsAny<Exception>(() => LocalTimeWindow.Parse(text));
    }
}
