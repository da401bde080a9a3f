using Telemed.Booking.Availability;
using static Telemed.Booking.Tests.Availability.Given;

namespace Telemed.Booking.Tests.Availability;

public class VisitorTimeShould
{
    [Theory]
    [InlineData("America/New_York", "2026-03-09", "2026-03-09T04:00Z", "2026-03-10T04:00Z")]
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T05:00Z", "2026-03-09T04:00Z")] // 23 hours
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T04:00Z", "2026-11-02T05:00Z")] // 25 hours
    [InlineData("Europe/London", "2026-10-25", "2026-10-24T23:00Z", "2026-10-26T00:00Z")] // 25 hours
    [InlineData("Asia/Kolkata", "2026-03-08", "2026-03-07T18:30Z", "2026-03-08T18:30Z")]
    [InlineData("Pacific/Honolulu", "2026-03-09", "2026-03-09T10:00Z", "2026-03-10T10:00Z")]
    [InlineData("Pacific/Auckland", "2026-03-10", "2026-03-09T11:00Z", "2026-03-10T11:00Z")]
    // Chile springs forward at midnight: 6 September starts at 01:00 -03:00.
    [InlineData("America/Santiago", "2026-09-06", "2026-09-06T04:00Z", "2026-09-07T03:00Z")]
    public void TurnAVisitorsLocalDayIntoUtcInstants(string zone, string date, string from, string to)
    {
        var day = DateOnly.Parse(date);

        var range = VisitorTime.DaysToUtc(day, day, Zone(zone));

        Assert.Equal(new UtcRange(At(from), At(to)), range);
    }

    [Fact]
    public void SpanSeveralLocalDays()
    {
        var range = VisitorTime.DaysToUtc(new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 26), Zone("Europe/London"));

        Assert.Equal(new UtcRange(At("2026-10-23T23:00Z"), At("2026-10-27T00:00Z")), range);
    }

    [Theory]
    [InlineData("2026-03-08T14:00Z", "America/New_York", "2026-03-08T10:00:00-04:00")]
    [InlineData("2026-03-08T06:00Z", "America/New_York", "2026-03-08T01:00:00-05:00")]
    [InlineData("2026-03-08T03:30Z", "Asia/Kolkata", "2026-03-08T09:00:00+05:30")]
    [InlineData("2026-03-08T03:30Z", "Asia/Kathmandu", "2026-03-08T09:15:00+05:45")]
    [InlineData("2026-03-09T20:00Z", "Pacific/Auckland", "2026-03-10T09:00:00+13:00")]
    [InlineData("2026-03-08T06:00Z", "UTC", "2026-03-08T06:00:00+00:00")]
    public void PresentInstantsInTheVisitorsZoneAsIso8601(string instant, string zone, string expected)
    {
        Assert.Equal(expected, VisitorTime.ToIso8601(At(instant), Zone(zone)));
    }

    [Theory]
    // Auckland (UTC+13) is a day ahead: the host's Tuesday morning is the visitor's Monday.
    [InlineData("Pacific/Honolulu", "2026-03-09T10:00:00-10:00", "2026-03-09T11:00:00-10:00", "2026-03-09T12:00:00-10:00")]
    [InlineData("America/Los_Angeles", "2026-03-09T13:00:00-07:00", "2026-03-09T14:00:00-07:00", "2026-03-09T15:00:00-07:00")]
    public void ShowAVisitorBehindTheDateLineTheHostsNextDay(string visitorZone, string first, string second, string secondEnd)
    {
        var visitor = Zone(visitorZone);
        var host = new HostSchedule(Zone("Pacific/Auckland"), Weekly("Mon 09:00-11:00", "Tue 09:00-11:00"));
        var visitorsMonday = VisitorTime.DaysToUtc(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 9), visitor);

        var slots = AvailabilityEngine.FindSlots(host, Minutes(60), [], new AvailabilityQuery(visitorsMonday, LongBefore));
        var shown = VisitorTime.Present(slots, visitor);

        Assert.Equal(["2026-03-09T20:00Z", "2026-03-09T21:00Z"], Starts(slots));
        Assert.Equal(
            [
                new VisitorSlot(new DateOnly(2026, 3, 9), first, second, 1, At("2026-03-09T20:00Z")),
                new VisitorSlot(new DateOnly(2026, 3, 9), second, secondEnd, 1, At("2026-03-09T21:00Z")),
            ],
            shown);
    }

    [Fact]
    public void ShowAVisitorAheadOfTheDateLineTheHostsPreviousDay()
    {
        var auckland = Zone("Pacific/Auckland");
        var host = new HostSchedule(Zone("Pacific/Honolulu"), Weekly("Mon 09:00-11:00"));
        AvailabilityQuery VisitorsDay(int day) =>
            new(VisitorTime.DaysToUtc(new DateOnly(2026, 3, day), new DateOnly(2026, 3, day), auckland), LongBefore);

        var monday = AvailabilityEngine.FindSlots(host, Minutes(60), [], VisitorsDay(9));
        var tuesday = VisitorTime.Present(AvailabilityEngine.FindSlots(host, Minutes(60), [], VisitorsDay(10)), auckland);

        Assert.Empty(monday);
        Assert.Equal(["2026-03-10T08:00:00+13:00", "2026-03-10T09:00:00+13:00"], tuesday.Select(slot => slot.Start));
        Assert.All(tuesday, slot => Assert.Equal(new DateOnly(2026, 3, 10), slot.Date));
    }
}
