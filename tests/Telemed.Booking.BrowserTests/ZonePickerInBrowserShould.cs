using static Microsoft.Playwright.Assertions;

namespace Telemed.Booking.BrowserTests;

/// <summary>
/// The visitor's zone in Chromium, on a desktop and on a 390 px phone: shown above the calendar, searchable by city or
/// offset, the times moving with it and the choice kept in the address and the links. Also the page's screenshots.
/// </summary>
public sealed class ZonePickerInBrowserShould(BookingBrowserFixture fixture) : IClassFixture<BookingBrowserFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task FindAZoneByCityOrOffsetAndShowTheTimesInIt(int width, int height)
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height } });
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var picker = new SlotPickerPage(page);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await picker.OpenAsync(fixture.PathBase);
            await Expect(picker.ZoneLabel).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Europe/London \((GMT|BST), UTC\+0[01]:00\)$"));
            await picker.SearchZoneAsync("+05:30", "Asia/Kolkata");
            await picker.SearchZoneAsync("UTC-5", "America/New York");
            await picker.SearchZoneAsync("berlin", "Europe/Berlin");

            var newYork = await picker.SearchZoneAsync("New York", "America/New York");
            await newYork.ClickAsync();

            await Expect(picker.ZoneLabel).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^America/New York \((EST|EDT), UTC-0[45]:00\)$"));
            await Expect(picker.Times.First).ToHaveAttributeAsync("data-start", new System.Text.RegularExpressions.Regex("-0[45]:00$"));
            await PageUrls.ExpectAsync(page, "**tz=America%2FNew_York*");
            var day = (await picker.SelectedDay.GetAttributeAsync("data-day"))!;
            var expected = (await fixture.SlotsAsync($"tz=America%2FNew_York&from={day}&to={day}")).Slots.Select(s => s.Start).Distinct().ToList();
            Assert.Equal(expected, await picker.TimeStartsAsync());
            await Expect(picker.Times.First).ToHaveTextAsync(expected[0][11..16]);
            await Expect(picker.Times.First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("tz=America%2FNew_York"));

            // The address keeps the zone: a reload shows New York's times at once.
            await page.ReloadAsync();
            await Expect(picker.ZoneLabel).ToContainTextAsync("America/New York");
            Assert.Equal(expected, await picker.TimeStartsAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
            if (width < 576)
            {
                var grid = (await picker.Grid.BoundingBoxAsync())!;
                var times = (await page.Locator("#slots").BoundingBoxAsync())!;
                Assert.True(times.Y >= grid.Y + grid.Height, "on a phone the times come below the calendar");
            }
        });
    }

    [Fact]
    public async Task StartInTheBrowsersZoneWhenTheLinkNamesNone()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "America/Los_Angeles" });
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var picker = new SlotPickerPage(page);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await picker.OpenAsync(fixture.PathBase);

            await Expect(picker.ZoneLabel).ToContainTextAsync("America/Los Angeles");
            await Expect(picker.Times.First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("tz=America%2FLos_Angeles"));
            var day = (await picker.SelectedDay.GetAttributeAsync("data-day"))!;
            var expected = (await fixture.SlotsAsync($"tz=America%2FLos_Angeles&from={day}&to={day}")).Slots.Select(s => s.Start).Distinct().ToList();
            Assert.Equal(expected, await picker.TimeStartsAsync());
        });
    }

    /// <summary>
    /// Draws docs/screenshots/booking-month(-phone).png when UPDATE_SCREENSHOTS=1, else into the test's output folder, so
    /// ordinary runs leave the checkout alone.
    /// </summary>
    [Fact]
    public async Task DrawTheBookingPageOnADesktopAndAPhone()
    {
        foreach (var (name, width, height) in new[] { ("booking-month.png", 1280, 900), ("booking-month-phone.png", 390, 844) })
        {
            await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            var picker = new SlotPickerPage(page);
            await picker.OpenAsync(fixture.PathBase);
            await picker.SettledAsync();
            await Expect(picker.Times.First).ToBeVisibleAsync();

            var path = await DocScreenshots.SaveAsync(page, name);

            Assert.True(new FileInfo(path).Length > 10_000, $"{path} is too small to be a screenshot of the page");
        }
    }
}
