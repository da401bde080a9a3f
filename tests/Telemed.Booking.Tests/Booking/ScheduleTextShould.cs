using Telemed.Booking.Availability;
using Telemed.Booking.Models;
using Telemed.Booking.Services;

namespace Telemed.Booking.Tests.Booking;

public sealed class ScheduleTextShould
{
    [Theory]
    [InlineData("09:00-12:30, 13:30-17:00", new[] { "09:00-12:30", "13:30-17:00" })]
    [InlineData(" 18:00-24:00 ", new[] { "18:00-24:00" })]
    [InlineData("", new string[0])]
    public void ReadADaysWindows(string text, string[] expected)
    {
        Assert.Equal(expected, ScheduleText.ParseWindows(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("9-5")]
    [InlineData("09:00-25:00")]
    [InlineData("12:00-09:00")]
    [InlineData("09:00-12:00, lunch")]
    public void RefuseAWindowItCannotRead(string text)
    {
        ScheduleText.ParseWindows(text, out var error);

        Assert.Contains("is not a window", error);
    }

    [Fact]
    public void ReadDateOverridesIncludingClosedDays()
    {
        var overrides = ScheduleText.ParseOverrides("2026-12-24 09:00-12:00\n\n2026-12-25 closed", out var error);

        Assert.Null(error);
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)], overrides.Select(o => o.Date));
        Assert.Equal(["09:00-12:00"], overrides[0].Windows);
        Assert.Empty(overrides[1].Windows);
    }

    [Theory]
    [InlineData("24/12/2026 09:00-12:00", "Line 1")]
    [InlineData("2026-12-24 09:00-12:00\n2026-12-25", "Line 2")]
    public void SayWhichOverrideLineIsWrong(string text, string line)
    {
        ScheduleText.ParseOverrides(text, out var error);

        Assert.StartsWith(line, error);
    }

    [Fact]
    public void ReadWholeDaysRangesAndWindowsAway()
    {
        var away = ScheduleText.ParseOutOfOffice("2026-12-24 Conference\n2026-12-27..2026-12-31 Holiday\n2027-01-04 13:00-17:00 Dentist", out var error);

        Assert.Null(error);
        Assert.Equal(
            [
                new AwayTime(new(2026, 12, 24), new(2026, 12, 24), null, "Conference"),
                new AwayTime(new(2026, 12, 27), new(2026, 12, 31), null, "Holiday"),
                new AwayTime(new(2027, 1, 4), new(2027, 1, 4), "13:00-17:00", "Dentist"),
            ],
            away);
    }

    [Theory]
    [InlineData("soon Holiday", "start with a date")]
    [InlineData("9999-12-31 Holiday", "from 2000 to 2100")]
    [InlineData("2026-12-24..10000-01-01 Holiday", "from 2000 to 2100")]
    [InlineData("2026-12-31..2026-12-01 Holiday", "must follow the first")]
    [InlineData("2026-12-01..2026-12-03 09:00-12:00", "apply to one date")]
    public void RefuseTimeAwayItCannotRead(string text, string message)
    {
        ScheduleText.ParseOutOfOffice(text, out var error);

        Assert.Contains(message, error);
    }

    [Fact]
    public void WriteBackWhatItReads()
    {
        const string overrides = "2026-12-24 09:00-12:00, 14:00-16:00\n2026-12-25 closed";
        const string away = "2026-12-24 Conference\n2026-12-27..2026-12-31 Holiday\n2027-01-04 13:00-17:00 Dentist";

        Assert.Equal(overrides, ScheduleText.FormatOverrides(ScheduleText.ParseOverrides(overrides, out _)));
        Assert.Equal(away, ScheduleText.FormatOutOfOffice(ScheduleText.ParseOutOfOffice(away, out _)));
    }

    [Fact]
    public void TurnStoredHoursIntoAScheduleTheEngineHonours()
    {
        var availability = new HostAvailability(
            [new WeeklyHours(DayOfWeek.Monday, "09:00-10:00")],
            [],
            ScheduleText.ParseOutOfOffice("2026-03-16 Conference", out _));
        var schedule = availability.ToSchedule(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var rules = new SlotRules { Duration = TimeSpan.FromMinutes(30) };
        var query = new AvailabilityQuery(DateTimeOffset.Parse("2026-03-09T00:00Z"), DateTimeOffset.Parse("2026-03-17T00:00Z"), DateTimeOffset.Parse("2026-01-01T00:00Z"));

        var slots = AvailabilityEngine.FindSlots(schedule, rules, [], query);

        Assert.Equal([DateTimeOffset.Parse("2026-03-09T09:00Z"), DateTimeOffset.Parse("2026-03-09T09:30Z")], slots.Select(s => s.Start));
    }
}
