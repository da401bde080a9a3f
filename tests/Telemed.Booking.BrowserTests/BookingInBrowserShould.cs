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
        var picker = new SlotPickerPage(page);
        await (await picker.AFullDayAsync()).ClickAsync();
        await Expect(picker.Times.Nth(6)).ToHaveAttributeAsync("href", new Regex("/reschedule\\?"));
        await picker.Times.Nth(6).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/reschedule?*");
        var newTime = await page.Locator("[data-testid=new-time]").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to the new time" }).ClickAsync();

        await PageUrls.ExpectAsync(page, "**/book/manage/*");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("moved to");
        await Expect(page.Locator("[data-testid=appointment-when]")).ToHaveTextAsync(new Regex("^" + Regex.Escape(newTime)));
        Assert.NotEqual(firstTime, newTime);

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel appointment" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/book/manage/*/cancel");
        await page.GetByLabel("Why are you cancelling?").FillAsync("I found an earlier appointment elsewhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel appointment" }).ClickAsync();

        await PageUrls.ExpectAwayFromAsync(page, "/cancel");
        await Expect(page.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("main")).ToContainTextAsync("I found an earlier appointment elsewhere");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AskBeforeCancellingAndKeepTheAppointmentWhenTheVisitorGoesBack()
    {
        await using var context = await fixture.NewContextAsync();
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();

        await violations.AssertNoneAfterAsync(async () =>
        {
            var when = await BookAsync(page, "Jordan Ellis", "jordan@example.test");
            await page.GetByRole(AriaRole.Link, new() { Name = "Manage your appointment" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/manage/*");
            var cancel = page.GetByRole(AriaRole.Link, new() { Name = "Cancel appointment" });

            // The confirmation says what would be cancelled; going back (by its link or the browser's) keeps it.
            await cancel.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/manage/*/cancel");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Cancel this appointment?");
            var summary = page.Locator("[data-testid=appointment-summary]");
            await Expect(summary).ToContainTextAsync("Video consultation");
            await Expect(summary).ToContainTextAsync(when);
            await Expect(summary).ToContainTextAsync("Europe/London");
            await Expect(summary).ToContainTextAsync("Dr Kim");
            await page.GetByRole(AriaRole.Link, new() { Name = "No, keep my appointment" }).ClickAsync();
            await PageUrls.ExpectAwayFromAsync(page, "/cancel");
            await Expect(page.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Confirmed");
            await cancel.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/manage/*/cancel");
            await page.GoBackAsync();
            await PageUrls.ExpectAwayFromAsync(page, "/cancel");
            await page.ReloadAsync();
            await Expect(page.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Confirmed");

            // Confirmed without a reason, which is the patient's to give or not.
            await cancel.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/manage/*/cancel");
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel appointment" }).ClickAsync();
            await PageUrls.ExpectAwayFromAsync(page, "/cancel");
            await Expect(page.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Cancelled");
            await Expect(page.Locator("[role=status]")).ToContainTextAsync("Your appointment is cancelled");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cancel appointment" })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task LetAVisitorWithoutJavaScriptChooseADayAZoneAndATimeAndBook()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var picker = new SlotPickerPage(page);

        await picker.OpenAsync(fixture.PathBase);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("JavaScript");
        var day = picker.MarkedDays.Nth(1);
        var key = (await day.GetAttributeAsync("data-day"))!;
        await day.ClickAsync();
        await PageUrls.ExpectAsync(page, $"**day={key}*");
        await Expect(picker.SelectedDay).ToHaveAttributeAsync("data-day", key);

        await page.GetByLabel("Your time zone").SelectOptionAsync("America/New_York");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show times" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**tz=America%2FNew_York*");
        await Expect(picker.ZoneLabel).ToContainTextAsync("America/New York");
        var shown = (await picker.SelectedDay.GetAttributeAsync("data-day"))!;
        var expected = (await fixture.SlotsAsync($"tz=America%2FNew_York&from={shown}&to={shown}")).Slots.Select(s => s.Start).Distinct().ToList();
        Assert.Equal(expected, await picker.Times.EvaluateAllAsync<string[]>("times => times.map(t => t.dataset.start)"));

        await picker.Times.First.ClickAsync();
        await PageUrls.ExpectAsync(page, "**/details?*tz=America%2FNew_York*");
        await page.GetByLabel("Full name").FillAsync("Noor Script");
        await page.GetByLabel("E-mail").FillAsync("noor@example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/book/confirmation/*");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your appointment is booked");
        await Expect(page.Locator("[data-testid=appointment-summary]")).ToContainTextAsync("America/New York");
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
        await Expect(page.Locator("[data-testid=zone-label]")).ToContainTextAsync("Europe/London");
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
