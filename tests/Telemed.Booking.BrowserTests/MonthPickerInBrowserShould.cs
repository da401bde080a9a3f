using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Booking.BrowserTests;

/// <summary>
/// The month calendar in Chromium: its marked days are the days the slots endpoint has times for, days without
/// times cannot be chosen, the keyboard moves through the grid, and a day and a time lead on to a booking. Nothing
/// the Content-Security-Policy blocks may be reported on the way.
/// </summary>
public sealed class MonthPickerInBrowserShould(BookingBrowserFixture fixture) : IClassFixture<BookingBrowserFixture>
{
    [Fact]
    public async Task MarkTheDaysTheSlotsEndpointHasTimesForAndDisableTheOthers()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions());
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var picker = new SlotPickerPage(page);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await picker.OpenAsync(fixture.PathBase);
            await AssertMarkedDaysMatchTheEndpointAsync(picker);
            var selected = await picker.SelectedDay.GetAttributeAsync("data-day");
            Assert.Equal((await picker.MarkedDayKeysAsync())[0], selected);

            // A day without times is disabled: clicking it chooses nothing.
            var unmarked = picker.UnmarkedDays.First;
            await Expect(unmarked).ToHaveAttributeAsync("aria-disabled", "true");
            await Expect(unmarked).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(", no times available$"));
            await unmarked.ClickAsync();
            await Expect(picker.SelectedDay).ToHaveAttributeAsync("data-day", selected!);

            var month = await picker.MonthAsync();
            await picker.NextMonth.ClickAsync();
            var next = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd").AddMonths(1);
            await Expect(picker.MonthLabel).ToHaveTextAsync(next.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
            await AssertMarkedDaysMatchTheEndpointAsync(picker);
            await PageUrls.ExpectAsync(page, $"**month={next:yyyy-MM}*");
        });
    }

    [Fact]
    public async Task LetAVisitorPickADayAndATimeAndBook()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions());
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var picker = new SlotPickerPage(page);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await picker.OpenAsync(fixture.PathBase);
            var day = await picker.AFullDayAsync();
            var key = (await day.GetAttributeAsync("data-day"))!;
            await day.ClickAsync();

            await Expect(picker.SelectedDay).ToHaveAttributeAsync("data-day", key);
            await Expect(picker.DayLabel).ToHaveTextAsync(DateOnly.ParseExact(key, "yyyy-MM-dd").ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB")));
            var expected = (await fixture.SlotsAsync($"tz=Europe%2FLondon&from={key}&to={key}")).Slots.Select(s => s.Start).Distinct().ToList();
            Assert.Equal(expected, await picker.TimeStartsAsync());

            var time = picker.Times.Nth(3);
            var start = (await time.GetAttributeAsync("data-start"))!;
            await time.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/details?*");
            Assert.Equal(start, System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["start"]);
            await page.GetByLabel("Full name").FillAsync("Dana Brooks");
            await page.GetByLabel("E-mail").FillAsync("dana@example.test");
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/confirmation/*");
            await Expect(page.Locator("[data-testid=appointment-summary]")).ToContainTextAsync(DateTimeOffset.Parse(start).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")));
        });
    }

    [Fact]
    public async Task MoveBetweenDaysWithTheArrowKeysAndChooseWithEnterOrSpace()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions());
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var picker = new SlotPickerPage(page);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await picker.OpenAsync(fixture.PathBase);
            await picker.SettledAsync();
            var marked = await picker.MarkedDayKeysAsync();
            await Expect(picker.Grid.Locator("[tabindex='0']")).ToHaveCountAsync(1);
            var start = DateOnly.ParseExact(marked[0], "yyyy-MM-dd");
            await picker.SelectedDay.FocusAsync();

            await page.Keyboard.PressAsync("ArrowRight");
            await ExpectFocusOnAsync(page, start.AddDays(1));
            await page.Keyboard.PressAsync("ArrowDown");
            await ExpectFocusOnAsync(page, start.AddDays(8));
            await page.Keyboard.PressAsync("ArrowUp");
            await page.Keyboard.PressAsync("ArrowLeft");
            await ExpectFocusOnAsync(page, start);
            await Expect(picker.Grid.Locator("[tabindex='0']")).ToHaveCountAsync(1);

            // Walk right to the next marked day of this month and choose it with Enter, then the one after with Space.
            foreach (var (target, key) in marked.Skip(1).Take(2).Zip(["Enter", " "]))
            {
                var day = DateOnly.ParseExact(target, "yyyy-MM-dd");
                while (DateOnly.ParseExact((await FocusedDayAsync(page))!, "yyyy-MM-dd") < day)
                {
                    await page.Keyboard.PressAsync("ArrowRight");
                }
                await ExpectFocusOnAsync(page, day);
                await page.Keyboard.PressAsync(key == " " ? "Space" : key);
                await Expect(picker.SelectedDay).ToHaveAttributeAsync("data-day", target);
                await Expect(picker.DayLabel).ToHaveTextAsync(day.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB")));
                await Expect(picker.Times.First).ToHaveAttributeAsync("data-start", new System.Text.RegularExpressions.Regex("^" + target));
            }
            await Expect(page.Locator("#slots")).ToHaveAttributeAsync("aria-live", "polite");
        });
    }

    [Fact]
    public async Task SayWhenTimesCouldNotBeLoadedAndLoadThemOnRetry()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        var picker = new SlotPickerPage(page);
        await picker.OpenAsync(fixture.PathBase);
        await picker.SettledAsync();

        // The network fails the next slots request, as a dropped connection would.
        await page.RouteAsync("**/booking/slots?**", route => route.AbortAsync("connectionreset"));
        await picker.NextMonth.ClickAsync();
        var alert = page.Locator("#slots [role=alert]");
        await Expect(alert).ToContainTextAsync("Times could not be loaded just now.");
        await page.UnrouteAllAsync();
        await alert.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();

        await Expect(alert).ToHaveCountAsync(0);
        await Expect(picker.Times.First).ToBeVisibleAsync();
        var month = await picker.MonthAsync();
        var free = (await fixture.SlotsAsync($"tz=Europe%2FLondon&month={month}")).Slots.Select(s => s.Start[..10]).Distinct().Order().ToList();
        Assert.Equal(free, await picker.MarkedDayKeysAsync());
    }

    private static Task<string?> FocusedDayAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement?.dataset?.day ?? null");

    private static async Task ExpectFocusOnAsync(IPage page, DateOnly day)
    {
        var cell = page.Locator($"#month-grid .calendar-day[data-day='{day:yyyy-MM-dd}']");
        await Expect(cell).ToBeFocusedAsync();
        await Expect(cell).ToHaveAttributeAsync("tabindex", "0");
    }

    private async Task AssertMarkedDaysMatchTheEndpointAsync(SlotPickerPage picker)
    {
        var month = await picker.MonthAsync();
        var free = (await fixture.SlotsAsync($"tz=Europe%2FLondon&month={month}")).Slots.Select(s => s.Start[..10]).Distinct().Order().ToList();
        Assert.NotEmpty(free);
        Assert.Equal(free, await picker.MarkedDayKeysAsync());
        await Expect(picker.UnmarkedDays.First).ToBeVisibleAsync();
    }
}
