using static Microsoft.Playwright.Assertions;

namespace Telemed.BrowserTests;

/// <summary>
/// Each clinic's public site renders in the theme it chose, with its accent colour and logo when it has them; error pages
/// come in the same theme with a way back home; every layout links the favicon; nothing is blocked by the CSP.
/// </summary>
public sealed class ClinicThemesShould(ThemedClinics clinics) : IClassFixture<ThemedClinics>
{
    [Fact]
    public async Task RenderACalmClinicWithTheCalmThemesLayoutAndLook()
    {
        await using var context = await clinics.NewContextAsync();
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var clinic = clinics.Clinic("calm");

        await page.GotoAsync($"/c/{clinic.Slug}/");

        await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\btheme-calm\\b"));
        // The calm theme's own sheet applied: the warm page, the centred serif brand, the white rounded sheet, pill buttons.
        Assert.Equal("rgb(246, 244, 239)", await ComputedAsync(page, "body", "backgroundColor"));
        Assert.Contains("Georgia", await ComputedAsync(page, ".calm-brand", "fontFamily"));
        Assert.Equal("center", await ComputedAsync(page, "header .container", "textAlign"));
        Assert.Equal("24px", await ComputedAsync(page, ".calm-sheet", "borderTopLeftRadius"));
        Assert.Equal("rgb(91, 74, 134)", await ComputedAsync(page, "main .btn-primary", "backgroundColor"));
        Assert.Equal(clinic.Name, (await page.Locator(".calm-brand").InnerTextAsync()).Trim());
        violations.AssertNone();
    }

    [Fact]
    public async Task KeepTheClassicClinicThemeAsItWas()
    {
        await using var context = await clinics.NewContextAsync();
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var clinic = clinics.Clinic("clinic");

        await page.GotoAsync($"/c/{clinic.Slug}/");

        await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\btheme-clinic\\b"));
        Assert.Equal(0, await page.Locator("link[href*='calm.css']").CountAsync());
        Assert.Equal("rgb(255, 255, 255)", await ComputedAsync(page, "body", "backgroundColor"));
        Assert.Equal("rgb(255, 255, 255)", await ComputedAsync(page, ".clinic-navbar", "backgroundColor"));
        // Without an accent of its own the clinic keeps Bootstrap's blue buttons and the site's teal brand.
        Assert.Equal("rgb(13, 110, 253)", await ComputedAsync(page, "main .btn-primary", "backgroundColor"));
        Assert.Equal("rgb(15, 118, 110)", await ComputedAsync(page, ".navbar-brand", "color"));
        Assert.Equal(0, await page.Locator("header img").CountAsync());
        violations.AssertNone();
    }

    [Theory]
    [InlineData("clinic")]
    [InlineData("calm")]
    public async Task ShowTheClinicsAccentColourAndLogo(string theme)
    {
        await using var context = await clinics.NewContextAsync();
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var clinic = clinics.Clinic(theme, branded: true);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await page.GotoAsync($"/c/{clinic.Slug}/");

            Assert.Equal(ThemedClinics.AccentRgb, await ComputedAsync(page, "main .btn-primary", "backgroundColor"));
            var logo = page.GetByRole(AriaRole.Img, new() { Name = clinic.Name });
            await Expect(logo).ToHaveAttributeAsync("src", ThemedClinics.LogoUrl);
            await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = clinic.Name, Exact = true })).ToBeVisibleAsync();
            // The browser loaded it: the CSP's img-src admits the https logo.
            Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the logo did not load");
        });
    }

    [Theory]
    [InlineData("clinic", "/no-such-page", 404, "Page not found")]
    [InlineData("calm", "/no-such-page", 404, "Page not found")]
    [InlineData("calm", "/error/400", 400, "We could not read that request")]
    [InlineData("calm", "/error/403", 403, "Access denied")]
    [InlineData("clinic", "/error/503", 503, "Temporarily unavailable")]
    [InlineData("calm", "/error/503", 503, "Temporarily unavailable")]
    [InlineData("clinic", "/error", 500, "Something went wrong")]
    [InlineData("calm", "/error", 500, "Something went wrong")]
    public async Task ShowErrorPagesInTheClinicsThemeWithAWayHome(string theme, string path, int status, string title)
    {
        await using var context = await clinics.NewContextAsync();
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        var clinic = clinics.Clinic(theme, branded: true);

        await violations.AssertNoneAfterAsync(async () =>
        {
            var response = await page.GotoAsync($"/c/{clinic.Slug}{path}");

            Assert.Equal(status, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"\\btheme-{theme}\\b"));
            Assert.Equal(ThemedClinics.AccentRgb, await ComputedAsync(page, ".error-code", "color"));
            var body = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain("/error", body);
            await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {clinic.Name}" }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**/c/{clinic.Slug}/");
            await Expect(page.Locator("h1")).ToHaveTextAsync(clinic.Name);
        });
    }

    [Fact]
    public async Task LinkTheFaviconFromThePublicAndAdminLayouts()
    {
        await using var context = await clinics.NewContextAsync();
        var page = await context.NewPageAsync();
        var paths = new List<string>();
        foreach (var theme in ThemedClinics.Themes)
        {
            paths.Add($"/c/{clinics.Clinic(theme).Slug}/");
        }
        await BrowserSignIn.SignInAsync(page, "/c/demo", "admin@demo.clinic", "Demo123!");
        paths.Add("/c/demo/admin/settings");

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var href = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
            var icon = await context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
            Assert.Equal(200, icon.Status);
            Assert.StartsWith("image/svg+xml", icon.Headers["content-type"]);
            Assert.Contains("<svg", await icon.TextAsync());
        }
    }

    /// <summary>Draws each theme's home page, branded (docs/screenshots/theme-clinic.png and theme-calm.png through <see cref="DocScreenshots"/>).</summary>
    [Fact]
    public async Task DrawEachThemesHomePage()
    {
        foreach (var theme in ThemedClinics.Themes)
        {
            await using var context = await clinics.NewContextAsync(1280, 800);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/c/{clinics.Clinic(theme, branded: true).Slug}/");
            await Expect(page.Locator("header img")).ToBeVisibleAsync();

            var path = await DocScreenshots.SaveAsync(page, $"theme-{theme}.png");

            Assert.True(new FileInfo(path).Length > 10_000, $"{path} is too small to be a screenshot of the page");
        }
    }

    private static Task<string> ComputedAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");
}
