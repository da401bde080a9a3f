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
    [InlineData("{{ start | date: '%H:%M %Z', 'Europe/London' }}", "14:05 BST")]
    [InlineData("{{ winter | date: '%H:%M %Z', 'Europe/London' }}", "09:00 GMT")]
    [InlineData("{{ start | date: '%H:%M %Z', 'America/New_York' }}|{{ winter | date: '%H:%M %Z', 'America/New_York' }}", "09:05 EDT|04:00 EST")]
    [InlineData("{{ start | date: '%H:%M %Z', 'Asia/Kolkata' }}", "18:35 IST")]
    [InlineData("{{ start | date: '%H:%M %Z', 'America/Sao_Paulo' }}", "10:05 -03")]
    [InlineData("{{ start | date: '%Z', 'UTC' }}|{{ start | date: '%Z' }}|{{ offset | date: '%Z' }}", "UTC|UTC|-0500")]
    [InlineData("{{ start | local_time: 'Europe/London' | date: '%H:%M %Z' }}", "14:05 BST")]
    [InlineData("{{ start | local_time: 'Australia/Sydney' | date: '%^Z %10Z' }}", "AEST       AEST")]
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

        var output = new LiquidEngine().Render(
            "{{ 'now' | date: '%H:%M %z %Z' }}|{{ '2024-01-10 08:00' | date: '%H:%M %z %Z' }}|{{ start | local_time | date: '%H:%M %Z' }}|{{ '2024-01-10T08:00:00+01:00' | date: '%Z' }}", Model, settings);

        Assert.Equal("05:30 -0400 EDT|08:00 -0500 EST|09:05 EDT|+0100", output);
    }

    [Fact]
    public void ReportAnUnknownTimeZone() =>
        Assert.Equal("Unknown time zone 'Mars/Olympus'", TestLiquid.RenderError("{{ start | date: '%H', 'Mars/Olympus' }}", Model).Reason);

    [Theory]
    [InlineData("%Y-%m-%d %H:%M:%S")]
    [InlineData("%c|%D|%x|%F|%T|%X|%R|%r|%v")]
    [InlineData("%%|%%%d|100%|%|%-|%5|%Q|%-%|%n%t")]
    [InlineData("%^B %#b %10A %-10A %_5d %05e %-y %:z %:x %3N %L")]
    [InlineData("plain text, no directives")]
    public void FormatTheSameWhetherTheFormatIsWrittenOrComputed(string format)
    {
        var model = new LiquidObject { ["start"] = Model["start"], ["format"] = format };
        var written = TestLiquid.Render($"{{{{ start | date: '{format}', 'Europe/London' }}}}", model);
        var computed = TestLiquid.Render("{{ start | date: format, 'Europe/London' }}", model);
        var filtered = TestLiquid.Render($"{{{{ start | date: '{format}', 'Europe/London' | append: '' }}}}", model);

        Assert.Equal(written, computed);
        Assert.Equal(written, filtered);
    }

    [Theory]
    [InlineData("{{ start | date: '<b>%Y</b> & %B' }}", "&lt;b&gt;2024&lt;/b&gt; &amp; July")]
    [InlineData("{{ start | date: '%d \"%b\"' }}", "04 &quot;Jul&quot;")]
    [InlineData("{{ start | date: '%A %-d %B' }}", "Thursday 4 July")]
    public void EncodeMarkupInFormatsInHtmlMode(string template, string expected) =>
        Assert.Equal(expected, TestLiquid.RenderHtml(template, Model));

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("America/St_Johns")]
    [InlineData("Asia/Kolkata")]
    public void ConvertEveryQuarterHourAcrossTransitionsAsTimeZoneInfoDoes(string zoneId)
    {
        // Two passes over a year, the second answered from the per-hour cache, must both match .NET exactly.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var engine = new LiquidEngine();
        var template = engine.Parse("{{ at | date: '%Y-%m-%d %H:%M %z', zone }}");
        var first = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var at = first; at < first.AddYears(1); at = at.AddMinutes(15))
            {
                var expected = TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture).Remove(20, 1);
                Assert.Equal(expected, template.Render(new LiquidObject { ["at"] = at, ["zone"] = zoneId }));
            }
        }
    }
}
