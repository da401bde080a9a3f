using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Booking.BrowserTests;

/// <summary>
/// A visitor books, reschedules and cancels on the public site; a host records the outcome, all in
/// Chromium. Each step waits for what the page shows (Playwright's locators and Expect, with the
/// generous timeouts of <see cref="Chromium.DefaultTimeout"/>), never for a fixed time.
/// </summary>
public sealed class BookingInBrowserShould(BookingBrowserFixture fixture) : IClassFixture<BookingBrowserFixture>
{
    [Fact]
    public async Task LetAVisitorBookASlotAndSeeTheConfirmation()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var when = await BookAsync(page, "Robin Hughes", "robin@example.test");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Your appointment is booked");
        var summary = page.Locator("[data-testid=appointment-summary]");
        await Expect(summary).ToContainTextAsync("Video consultation");
        await Expect(summary).ToContainTextAsync("Dr Kim");
        await Expect(summary).ToContainTextAsync(when);
        await Expect(summary).ToContainTextAsync("Europe/London");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download calendar file (.ics)" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add to Google Calendar" })).ToHaveAttributeAsync("href", new Regex(@"calendar\.google\.com"));
    }

    [Fact]
    public async Task LetAVisitorRescheduleAndThenCancelThroughTheManageLink()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var firstTime = await BookAsync(page, "Alex Moreno", "alex@example.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "Manage your appointment" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();
        await page.Locator("a.slot").Nth(6).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/reschedule?*");
        var newTime = await page.Locator("[data-testid=new-time]").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to the new time" }).ClickAsync();

        await PageUrls.ExpectAsync(page, "**/book/manage/*");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("moved to");
        await Expect(page.Locator("[data-testid=appointment-when]")).ToHaveTextAsync(new Regex("^" + Regex.Escape(newTime)));
        Assert.NotEqual(firstTime, newTime);

        await page.GetByLabel("Why are you cancelling?").FillAsync("I found an earlier appointment elsewhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();

        // The page comes back to the same address, so wait for what it shows rather than for the URL.
        await Expect(page.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("main")).ToContainTextAsync("I found an earlier appointment elsewhere");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LetAHostSignInAndMarkAnAppointmentCompleted()
    {
        var id = await fixture.StartedAppointmentAsync("Casey Walker");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{fixture.PathBase}/login");
        await page.GetByLabel("E-mail").FillAsync(BookingBrowserFixture.HostEmail);
        await page.GetByLabel("Password").FillAsync(BookingBrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Appointments" }).First.ClickAsync();
        await page.GetByLabel("When").SelectOptionAsync("all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await PageUrls.ExpectAsync(page, "**/admin/appointments?*when=all*");
        var row = page.Locator($"tr[data-appointment-id='{id}']");
        await Expect(row).ToContainTextAsync("Casey Walker");
        await row.GetByRole(AriaRole.Button, new() { Name = "Completed" }).ClickAsync();

        await PageUrls.ExpectAsync(page, "**/admin/appointments");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("marked completed");
        await page.GetByLabel("When").SelectOptionAsync("all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/admin/appointments?*when=all*");
        await Expect(page.Locator($"tr[data-appointment-id='{id}'] [data-status]")).ToHaveTextAsync("Completed");
    }

    /// <summary>Services, then the first free time in the picker, then the details form; returns the time booked as the site shows it.</summary>
    private async Task<string> BookAsync(IPage page, string name, string email)
    {
        await page.GotoAsync($"{fixture.PathBase}/book");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose Video consultation" }).ClickAsync();
        await Expect(page.GetByLabel("Times shown in")).ToHaveValueAsync("Europe/London");
        await page.Locator("a.slot").First.ClickAsync();

        await PageUrls.ExpectAsync(page, "**/details?*");
        var when = (await page.Locator("[data-testid=chosen-slot] strong").Locator("xpath=..").InnerTextAsync()).Split(" · ", 2)[1].Trim();
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Phone (optional)").FillAsync("+44 7700 900123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/book/confirmation/*");
        return when;
    }
}
