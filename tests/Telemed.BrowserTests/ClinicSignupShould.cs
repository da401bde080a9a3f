using static Microsoft.Playwright.Assertions;

namespace Telemed.BrowserTests;

/// <summary>A new clinic signs itself up in a real browser and its admin reaches the dashboard.</summary>
public sealed class ClinicSignupShould(HostAndBrowserFixture fixture) : IClassFixture<HostAndBrowserFixture>
{
    [Fact]
    public async Task LetANewClinicSignUpAndItsAdminReachTheDashboard()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var slug = $"browser-{Guid.NewGuid():N}"[..16];

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start your clinic" }).First.ClickAsync();
        await page.GetByLabel("Clinic name").FillAsync("Harbour Family Practice");
        await page.GetByLabel("Web address").FillAsync(slug);
        await page.GetByLabel("Time zone").SelectOptionAsync("America/New_York");
        await page.GetByLabel("Clinic phone").FillAsync("+44 20 7946 0123");
        await page.GetByLabel("Your name").FillAsync("Jordan Lee");
        await page.GetByLabel("Your e-mail").FillAsync("jordan@harbour.test");
        await page.GetByLabel("Password").FillAsync("Harbour-Pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my clinic" }).ClickAsync();

        // Provisioning hashes a password and runs a recipe: the context's generous timeout gives a loaded machine time; say what the page showed if it fails.
        try
        {
            await PageUrls.ExpectAsync(page, $"**/c/{slug}/login");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Sign-up did not reach the login page; it shows {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Harbour Family Practice is ready");
        await page.GetByLabel("E-mail").FillAsync("jordan@harbour.test");
        await page.GetByLabel("Password").FillAsync("Harbour-Pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await PageUrls.ExpectAsync(page, $"**/c/{slug}/admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Expect(page.Locator("nav").First).ToContainTextAsync("Harbour Family Practice");
        Assert.Equal("America/New_York", (await fixture.Host.GetRequiredService<Telemed.Core.Tenancy.ITenantStore>().FindBySlugAsync(slug))!.TimeZone);
    }

    [Fact]
    public async Task ShowAFieldErrorBesideAReservedAddress()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Clinic name").FillAsync("Sneaky");
        await page.GetByLabel("Web address").FillAsync("admin");
        await page.GetByLabel("Clinic phone").FillAsync("+44 20 7946 0999");
        await page.GetByLabel("Your name").FillAsync("Sam");
        await page.GetByLabel("Your e-mail").FillAsync("sam@sneaky.test");
        await page.GetByLabel("Password").FillAsync("Sneaky-Pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my clinic" }).ClickAsync();

        // The error appears in a span the form already has, empty: wait for its text, not for the span.
        await Expect(page.Locator("[data-valmsg-for='Input.Slug']")).ToContainTextAsync("'admin' is reserved");
        await Expect(page.GetByLabel("Clinic name")).ToHaveValueAsync("Sneaky");
    }
}
