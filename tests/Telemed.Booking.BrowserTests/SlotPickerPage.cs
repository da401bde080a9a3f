using static Microsoft.Playwright.Assertions;

namespace Telemed.Booking.BrowserTests;

/// <summary>The public slot picker as a visitor sees it: the month grid, the chosen day's times and the zone picker.</summary>
public sealed class SlotPickerPage(IPage page)
{
    public ILocator Grid => page.Locator("#month-grid");
    public ILocator MarkedDays => page.Locator("#month-grid a.calendar-day");
    public ILocator UnmarkedDays => page.Locator("#month-grid span.calendar-day");
    public ILocator SelectedDay => page.Locator("#month-grid td[aria-selected=true] .calendar-day");
    public ILocator MonthLabel => page.Locator("#month-label");
    public ILocator DayLabel => page.Locator("#day-label");
    public ILocator Times => page.Locator("#slots a.slot");
    public ILocator ZoneLabel => page.Locator("[data-testid=zone-label]");
    public ILocator NextMonth => page.GetByRole(AriaRole.Link, new() { Name = "Next month" });

    /// <summary>Services, then the clinic's one service.</summary>
    public async Task OpenAsync(string pathBase)
    {
        await page.GotoAsync($"{pathBase}/book");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose Video consultation" }).ClickAsync();
        await Expect(Grid).ToBeVisibleAsync();
    }

    /// <summary>Waits until the grid and times show no request under way.</summary>
    public async Task SettledAsync()
    {
        await Expect(Grid).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.Locator("#slots")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    /// <summary>The month shown, once it has loaded.</summary>
    public async Task<string> MonthAsync()
    {
        await SettledAsync();
        return (await page.Locator("#slot-picker").GetAttributeAsync("data-month"))!;
    }

    public async Task<IReadOnlyList<string>> MarkedDayKeysAsync()
    {
        await SettledAsync();
        return await MarkedDays.EvaluateAllAsync<string[]>("days => days.map(d => d.dataset.day)");
    }

    public async Task<IReadOnlyList<string>> TimeStartsAsync()
    {
        await SettledAsync();
        return await Times.EvaluateAllAsync<string[]>("times => times.map(t => t.dataset.start)");
    }

    /// <summary>A day with times that is not the first (so every one of its hours is bookable), moving a month on if need be.</summary>
    public async Task<ILocator> AFullDayAsync()
    {
        if ((await MarkedDayKeysAsync()).Count < 2)
        {
            await NextMonth.ClickAsync();
            await Expect(MarkedDays.Nth(1)).ToBeVisibleAsync();
        }
        return MarkedDays.Nth(1);
    }

    /// <summary>Types <paramref name="search"/> into the zone picker; returns the listed option whose text starts with <paramref name="zoneName"/>.</summary>
    public async Task<ILocator> SearchZoneAsync(string search, string zoneName)
    {
        await page.Locator(".ts-control").ClickAsync();
        var input = page.Locator("#tz-ts-control");
        await input.FillAsync(search);
        var option = page.Locator(".ts-dropdown .option").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(zoneName) + " \\(") });
        await Expect(option).ToHaveCountAsync(1);
        return option;
    }
}
