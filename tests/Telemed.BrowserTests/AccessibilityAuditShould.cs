using Xunit.Abstractions;

namespace Telemed.BrowserTests;

/// <summary>
/// axe-core, run in Chromium over the public pages a patient goes through (home, services, time picker, details form,
/// confirmation, manage page, sign-in, an error page) under each theme, plain and with an accent and logo, and over the
/// platform's sign-up: no page may break a rule of serious or critical impact or score under 95. Each page's score is written to the output.
/// </summary>
public sealed class AccessibilityAuditShould(ThemedClinics clinics, ITestOutputHelper output) : IClassFixture<ThemedClinics>
{
    [Theory]
    [InlineData("clinic", false)]
    [InlineData("clinic", true)]
    [InlineData("calm", false)]
    [InlineData("calm", true)]
    public async Task FindNothingSeriousOnAPatientsWayThroughTheSite(string theme, bool branded)
    {
        await using var context = await clinics.NewContextAsync();
        var page = await context.NewPageAsync();
        var site = $"/c/{clinics.Clinic(theme, branded).Slug}";
        var reports = new List<AxeReport>();

        await page.GotoAsync($"{site}/");
        reports.Add(await AxeReport.RunAsync(page));
        await page.GotoAsync($"{site}/book");
        reports.Add(await AxeReport.RunAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose Video consultation" }).ClickAsync();
        await page.Locator("a.slot").First.WaitForAsync();
        reports.Add(await AxeReport.RunAsync(page));
        await page.Locator("a.slot").First.ClickAsync();
        await PageUrls.ExpectAsync(page, "**/details?*");
        reports.Add(await AxeReport.RunAsync(page));
        await page.GetByLabel("Full name").FillAsync("Morgan Price");
        await page.GetByLabel("E-mail").FillAsync("morgan.price@example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/book/confirmation/*");
        reports.Add(await AxeReport.RunAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage your appointment" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/book/manage/*");
        reports.Add(await AxeReport.RunAsync(page));
        await page.GotoAsync($"{site}/login");
        reports.Add(await AxeReport.RunAsync(page));
        await page.GotoAsync($"{site}/no-such-page");
        reports.Add(await AxeReport.RunAsync(page));

        AssertNothingSerious(reports);
    }

    [Fact]
    public async Task FindNothingSeriousOnThePlatformsSignUpAndErrorPages()
    {
        await using var context = await clinics.NewContextAsync();
        var page = await context.NewPageAsync();
        var reports = new List<AxeReport>();

        foreach (var path in new[] { "/", "/signup", "/login", "/no-such-page" })
        {
            await page.GotoAsync(path);
            reports.Add(await AxeReport.RunAsync(page));
        }

        AssertNothingSerious(reports);
    }

    private void AssertNothingSerious(IReadOnlyList<AxeReport> reports)
    {
        foreach (var report in reports)
        {
            output.WriteLine(report.ToString());
        }
        var blocking = reports
            .SelectMany(r => r.Blocking.Select(v => $"{r.Page}: [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Targets)}"))
            .ToList();
        Assert.True(blocking.Count == 0, "axe found serious or critical problems:" + Environment.NewLine + string.Join(Environment.NewLine, blocking));
        // Lighthouse's bar for a good accessibility score.
        Assert.All(reports, report => Assert.True(report.Score >= 95, $"{report.Page} scores {report.Score}, under 95: {report}"));
    }
}
