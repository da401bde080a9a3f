namespace Telemed.Liquid.Tests;

public class DateFiltersShould
{
    private static readonly LiquidObject Model = new()
    {
        ["start"] = new DateTimeOffset(2024, 7, 4, 13, 5, 9, TimeSpan.Zero),
        ["winter"] = new DateTime(2024, 1, 15, 9, 0, 0, DateTimeKind.Utc),
        ["offset"] = new DateTimeOffset(2024, 7, 4, 8, 5, 0, TimeSpan.FromHours(-5)),
    };

    [Theory]
    [InlineData("{{ start | date: '%Y-%m-%d %H:%M:%S' }}", "2024-07-04 13:05:09")]
    [InlineData("{{ start | date: '%a %A %b %B %h' }}", "Thu Thursday Jul July Jul")]
    [InlineData("{{ start | date: '%d %e %-d %j %-m %y %C' }}", "04  4 4 186 7 24 20")]
    [InlineData("{{ start | date: '%I %l %p %P %-I%p %#p %^a' }}", "01  1 PM pm 1PM pm THU")]
    [InlineData("{{ start | date: '%k|%_m|%010Y|%L|%3N|%s' }}", "13| 7|0000002024|000|000|1720098309")]
    [InlineData("{{ start | date: '%u %w %U %W %V %G' }}", "4 4 26 27 27 2024")]
    [InlineData("{{ start | date: '%D|%F|%T|%R|%r' }}", "07/04/24|2024-07-04|13:05:09|13:05|01:05:09 PM")]
    [InlineData("{{ start | date: '%c' }}", "Thu Jul  4 13:05:09 2024")]
    [InlineData("{{ start | date: '%z %:z %Z %%' }}", "+0000 +00:00 UTC %")]
    [InlineData("{{ offset | date: '%H:%M %z' }}", "08:05 -0500")]
    [InlineData("{{ start | date: '%Q' }}", "%Q")]
    [InlineData("{{ start }}", "2024-07-04 13:05:09 UTC")]
    [InlineData("{{ offset }}", "2024-07-04 08:05:00 -0500")]
    public void FormatWithStrftime(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("{{ '2024-03-10T10:00:00Z' | date: '%b %d %H:%M' }}", "Mar 10 10:00")]
    [InlineData("{{ '2024-03-10T10:00:00+02:00' | date: '%H:%M %z' }}", "10:00 +0200")]
    [InlineData("{{ '2024-03-10' | date: '%d/%m/%Y' }}", "10/03/2024")]
    [InlineData("{{ 'March 10, 2024' | date: '%Y-%m-%d' }}", "2024-03-10")]
    [InlineData("{{ 0 | date: '%Y-%m-%d %H:%M' }}", "1970-01-01 00:00")]
    [InlineData("{{ '1720098309' | date: '%Y-%m-%d' }}", "2024-07-04")]
    [InlineData("{{ 'now' | date: '%Y-%m-%d %H:%M' }}", "2024-05-01 09:30")]
    [InlineData("{{ 'today' | date: '%Y' }}", "2024")]
    [InlineData("{{ 'not a date' | date: '%Y' }}", "not a date")]
    [InlineData("{{ '' | date: '%Y' }}", "")]
    [InlineData("{{ nil | date: '%Y' }}", "")]
    [InlineData("{{ start | date: '' }}", "2024-07-04 13:05:09 UTC")]
    public void ReadDatesFromStringsAndTimestamps(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Theory]
    [InlineData("{{ start | date: '%H:%M %Z', 'Europe/London' }}", "14:05 +0100")]
    [InlineData("{{ winter | date: '%H:%M %z', 'Europe/London' }}", "09:00 +0000")]
    [InlineData("{{ start | date: '%d %H:%M', 'Australia/Sydney' }}", "04 23:05")]
    [InlineData("{{ start | date: '%H:%M', 'America/New_York' }}", "09:05")]
    [InlineData("{{ start | local_time: 'Europe/Berlin' | date: '%H:%M %:z' }}", "15:05 +02:00")]
    [InlineData("{{ '2024-03-31T00:30:00Z' | local_time: 'Europe/London' | date: '%H:%M' }}", "00:30")]
    [InlineData("{{ '2024-03-31T01:30:00Z' | local_time: 'Europe/London' | date: '%H:%M' }}", "02:30")]
    [InlineData("{{ start | local_time: 'Asia/Kolkata' }}", "2024-07-04 18:35:09 +0530")]
    public void ConvertToIanaTimeZones(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.Render(template, Model));

    [Fact]
    public void ReadNowAndOffsetlessTimesInTheRenderZone()
    {
        var settings = new LiquidRenderSettings
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            Clock = new TestLiquid.FixedClock(TestLiquid.FixedNow),
        };

        var output = new LiquidEngine().Render("{{ 'now' | date: '%H:%M %z' }}|{{ '2024-01-10 08:00' | date: '%H:%M %z' }}|{{ start | local_time | date: '%H:%M' }}", Model, settings);

        Assert.Equal("05:30 -0400|08:00 -0500|09:05", output);
    }

    [Fact]
    public void ReportAnUnknownTimeZone() =>
        Assert.Equal("Unknown time zone 'Mars/Olympus'", TestLiquid.RenderError("{{ start | date: '%H', 'Mars/Olympus' }}", Model).Reason);
}
