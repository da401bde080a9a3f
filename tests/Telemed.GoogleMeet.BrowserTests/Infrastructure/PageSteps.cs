using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Telemed.GoogleMeet.BrowserTests.Infrastructure;

/// <summary>Steps every test here takes in the browser.</summary>
public static class PageSteps
{
    /// <summary>
    /// Expects the page's address to match <paramref name="pattern"/> (a regular expression), reading the address until it
    /// does. Unlike WaitForURL this does not wait for the load event, which Chromium now and then does not report for a
    /// page reached by a click; the assertions that follow wait for what the page shows.
    /// </summary>
    public static Task ExpectAtAsync(IPage page, string pattern) => Expect(page).ToHaveURLAsync(new Regex(pattern));

    /// <summary>Signs in and expects to land on <paramref name="home"/>, the clinic's page for the account's role.</summary>
    public static async Task SignInAsync(IPage page, MeetClinic clinic, string email, string home)
    {
        await page.GotoAsync($"{clinic.PathBase}/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(MeetClinic.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ExpectAtAsync(page, Regex.Escape($"{clinic.PathBase}{home}") + "$");
    }

    /// <summary>
    /// Every form control in the page's main content has an accessible name (its label, or aria-label/-labelledby), as
    /// Chromium computes it for screen readers.
    /// </summary>
    public static async Task ExpectEveryControlNamedAsync(IPage page)
    {
        const string Controls = ":is(input:not([type=hidden]), select, textarea)";
        var main = page.Locator("main");
        var names = await main.Locator(Controls).EvaluateAllAsync<string[]>("controls => controls.map(c => c.name || c.id)");
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            // Found again by name, so a failure names the control.
            await Expect(main.Locator($"{Controls}:is([name='{name}'], [id='{name}'])").First).ToHaveAccessibleNameAsync(new Regex(@"\S"));
        }
    }

    /// <summary>Nothing sticks out sideways: the page is no wider than the window (a phone would have to scroll).</summary>
    public static async Task ExpectNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} is wider than the {page.ViewportSize?.Width} px window: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px");
}
