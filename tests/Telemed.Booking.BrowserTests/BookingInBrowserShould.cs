namespace Telemed.Booking.BrowserTests;

/// <summary>A visitor books, reschedules and cancels on the public site; a host records the outcome, all in Chromium.</summary>
public sealed class BookingInBrowserShould(BookingBrowserFixture fixture) : IClassFixture<BookingBrowserFixture>
{
    [Fact]
    public async Task LetAVisitorBookASlotAndSeeTheConfirmation()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var when = await BookAsync(page, "Robin Hughes", "robin@example.test");

        Assert.Equal("Your appointment is booked", await page.Locator("h1").InnerTextAsync());
        var summary = await page.Locator("[data-testid=appointment-summary]").InnerTextAsync();
        Assert.Contains("Video consultation", summary);
        Assert.Contains("Dr Kim", summary);
        Assert.Contains(when, summary);
        Assert.Contains("Europe/London", summary);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Download calendar file (.ics)" }).CountAsync());
        Assert.Contains("calendar.google.com", await page.GetByRole(AriaRole.Link, new() { Name = "Add to Google Calendar" }).GetAttributeAsync("href"));
    }

    [Fact]
    public async Task LetAVisitorRescheduleAndThenCancelThroughTheManageLink()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var firstTime = await BookAsync(page, "Alex Moreno", "alex@example.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "Manage your appointment" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();
        var later = page.Locator("a.slot").Nth(6);
        await later.WaitForAsync();
        await later.ClickAsync();
        var newTime = await page.Locator("[data-testid=new-time]").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to the new time" }).ClickAsync();

        await page.WaitForURLAsync("**/book/manage/*");
        Assert.Contains("moved to", await page.Locator("[role=status]").InnerTextAsync());
        Assert.StartsWith(newTime, await page.Locator("[data-testid=appointment-when]").InnerTextAsync());
        Assert.NotEqual(firstTime, newTime);

        await page.GetByLabel("Why are you cancelling?").FillAsync("I found an earlier appointment elsewhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();

        await page.WaitForURLAsync("**/book/manage/*");
        Assert.Equal("Cancelled", await page.Locator("[data-testid=appointment-status]").InnerTextAsync());
        Assert.Contains("I found an earlier appointment elsewhere", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).CountAsync());
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
        await page.WaitForURLAsync("**/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Appointments" }).First.ClickAsync();
        await page.GetByLabel("When").SelectOptionAsync("all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var row = page.Locator($"tr[data-appointment-id='{id}']");
        Assert.Contains("Casey Walker", await row.InnerTextAsync());
        await row.GetByRole(AriaRole.Button, new() { Name = "Completed" }).ClickAsync();

        await page.WaitForURLAsync("**/admin/appointments");
        Assert.Contains("marked completed", await page.Locator("[role=status]").InnerTextAsync());
        await page.GetByLabel("When").SelectOptionAsync("all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        Assert.Equal("Completed", await page.Locator($"tr[data-appointment-id='{id}'] [data-status]").InnerTextAsync());
    }

    /// <summary>Services, then the first free time in the picker, then the details form; returns the time booked as the site shows it.</summary>
    private async Task<string> BookAsync(IPage page, string name, string email)
    {
        await page.GotoAsync($"{fixture.PathBase}/book");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose Video consultation" }).ClickAsync();
        Assert.Equal("Europe/London", await page.GetByLabel("Times shown in").InputValueAsync());
        var slot = page.Locator("a.slot").First;
        await slot.WaitForAsync();
        await slot.ClickAsync();

        await page.WaitForURLAsync("**/details?*");
        var when = (await page.Locator("[data-testid=chosen-slot] strong").Locator("xpath=..").InnerTextAsync()).Split(" · ", 2)[1].Trim();
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Phone (optional)").FillAsync("+44 7700 900123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await page.WaitForURLAsync("**/book/confirmation/*");
        return when;
    }
}
