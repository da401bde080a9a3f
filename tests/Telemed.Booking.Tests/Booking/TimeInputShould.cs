using Telemed.Booking.Availability;
using Telemed.Booking.Services;

namespace Telemed.Booking.Tests.Booking;

/// <summary>The one reader of dates, day ranges and instants: what it lets through fits the calendar in every zone.</summary>
public sealed class TimeInputShould
{
    [Theory]
    [InlineData("2026-03-08", true)]
    [InlineData("2000-01-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2101-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("10000-01-01", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-3-8", false)]
    [InlineData("２０２６-０３-０８", false)]
    [InlineData("2026-03-08T00:00", false)]
    [InlineData("-1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ReadOnlyDaysWithinTheCalendarItServes(string? text, bool read)
    {
        Assert.Equal(read, TimeInput.TryReadDay(text, out _));
    }

    [Theory]
    [InlineData("2026-03-08T10:00:00+01:00", "2026-03-08T09:00:00Z")]
    [InlineData("2026-03-08T10:00:00Z", "2026-03-08T10:00:00Z")]
    [InlineData("2026-03-08T10:00Z", "2026-03-08T10:00:00Z")]
    [InlineData("2026-03-08T10:00:00", "2026-03-08T10:00:00Z")]
    [InlineData("2026-03-08T10:00:00.5-04:00", "2026-03-08T14:00:00.5Z")]
    public void ReadIso8601Instants(string text, string utc)
    {
        Assert.True(TimeInput.TryReadInstant(text, out var instant));
        Assert.Equal(DateTimeOffset.Parse(utc), instant);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("2101-01-01T00:00:00Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("12/31/2030")]
    [InlineData("2030-01-01 10:00")]
    [InlineData("2030-01-01T10:00:00+99:00")]
    [InlineData("now")]
    [InlineData("")]
    [InlineData(null)]
    public void RefuseInstantsOutsideTheCalendarOrNotInIso8601(string? text)
    {
        Assert.False(TimeInput.TryReadInstant(text, out _));
    }

    [Theory]
    [InlineData("2100-12-31T23:59:59Z", "Pacific/Kiritimati")]
    [InlineData("2000-01-01T00:00:00Z", "Etc/GMT+12")]
    public void LetThroughOnlyInstantsThatFitEveryZoneAWeekEitherSide(string text, string zoneId)
    {
        Assert.True(TimeInput.TryReadInstant(text, out var instant));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

        var range = VisitorTime.DaysToUtc(day.AddDays(-7), day.AddDays(13), zone);

        Assert.True(range.To > instant.AddMinutes(480));
    }

    [Theory]
    [InlineData(null, null, "2026-03-08", "2026-03-14", null)]
    [InlineData("2026-04-01", null, "2026-04-01", "2026-04-07", null)]
    [InlineData("2026-04-01", "2026-06-01", "2026-04-01", "2026-06-01", null)]
    [InlineData("2026-04-01", "2026-06-02", "2026-04-01", "2026-06-02", "to")]
    [InlineData("2026-04-01", "2026-03-31", "2026-04-01", "2026-03-31", "to")]
    [InlineData("2000-01-01", "2100-12-31", "2000-01-01", "2100-12-31", "to")]
    [InlineData("9999-12-31", null, "2026-03-08", "2026-03-14", "from")]
    [InlineData("2026-03-10", "10000-01-01", "2026-03-10", "2026-03-10", "to")]
    public void ReadARangeOfDaysOfAtMostTheMaximum(string? from, string? to, string first, string last, string? error)
    {
        var errors = new Dictionary<string, string[]>();

        var range = TimeInput.ReadDays(from, to, new DateOnly(2026, 3, 8), 7, errors);

        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), range);
        Assert.Equal(error is null ? [] : [error], errors.Keys.ToArray());
    }
}
