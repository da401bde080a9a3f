using System.Text.RegularExpressions;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.BrowserTests;

/// <summary>
/// The jobs dashboard in Chromium, under the product's Content-Security-Policy with nothing blocked: a clinic's
/// admin and the operator see the counts and the chart, filter, open a job, and retry a failed one. The host
/// runs no workers, so a retried job stays waiting where the test can see it.
/// </summary>
public sealed partial class JobsDashboardShould(JobsDashboardShould.IdleQueueHostAndBrowser fixture) : IClassFixture<JobsDashboardShould.IdleQueueHostAndBrowser>
{
    private const string Password = "Clinic-Pass-1";

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task LetAClinicAdminSeeFilterOpenAndRetryAFailedJob()
    {
        var (clinic, email) = await fixture.CreateClinicAsync();
        var kind = $"tests.browser-{Guid.NewGuid():N}"[..24];
        foreach (var ago in new[] { 1, 1, 4, 12 })
        {
            await SeededJobs.InsertAsync(Host, new SeedJob(kind, "succeeded") { TenantId = clinic.Id, Attempt = 1, FinishedAgo = TimeSpan.FromMinutes(ago) });
        }
        var dead = await SeededJobs.InsertDeadAsync(Host, clinic.Id, kind, "ZoomApiException: Zoom answered 503 three times");
        await SeededJobs.InsertAsync(Host, new SeedJob(kind) { TenantId = clinic.Id, RunIn = TimeSpan.FromHours(3) });
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        await violations.AssertNoneAfterAsync(async () =>
        {
            await SignInAsync(page, $"/c/{clinic.Slug}", email, Password);
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });
            await menu.GetByRole(AriaRole.Button, new() { Name = "Activity" }).ClickAsync();
            await menu.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**/c/{clinic.Slug}/admin/jobs");

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "1 background job has failed" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=status-counts] [data-status=succeeded]")).ToHaveTextAsync("Succeeded: 4");
            await Assertions.Expect(page.Locator("[data-testid=status-counts] [data-status=failed]")).ToHaveTextAsync("Failed: 1");
            var chart = page.GetByRole(AriaRole.Img, new() { Name = "Jobs finished per minute over the last hour" });
            await Assertions.Expect(chart).ToBeVisibleAsync();
            Assert.Equal(3, await chart.Locator("rect.bar-succeeded").CountAsync());
            // The chart's colours come from the module's stylesheet.
            Assert.Equal("rgb(25, 135, 84)", await chart.Locator("rect.bar-succeeded").First.EvaluateAsync<string>("r => getComputedStyle(r).fill"));

            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("failed");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/admin/jobs?*status=failed*");
            var rows = page.Locator("[data-testid=job-list] tbody tr[data-job-id]");
            await Assertions.Expect(rows).ToHaveCountAsync(1);

            await rows.GetByRole(AriaRole.Link, new() { Name = $"Job {dead}" }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**/admin/jobs/{dead}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Job {dead}" })).ToBeVisibleAsync();
            var attempts = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.Locator("caption", new() { HasText = "Each attempt" }) });
            await Assertions.Expect(attempts.Locator("tr[data-attempt='3']")).ToContainTextAsync("Zoom answered 503 three times");

            await page.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Job {dead} will run again now.");
            await Assertions.Expect(page.Locator("[data-testid=job-status]")).ToHaveTextAsync("Waiting");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry now" })).ToHaveCountAsync(0);
        });
        Assert.Equal("available", await SeededJobs.StateAsync(Host, dead));
    }

    [Fact]
    public async Task LetTheOperatorFindAClinicsJobByAppointmentAndRetryIt()
    {
        var (clinic, _) = await fixture.CreateClinicAsync();
        var (other, _) = await fixture.CreateClinicAsync();
        var appointment = Guid.NewGuid().ToString();
        var kind = $"tests.browser-{Guid.NewGuid():N}"[..24];
        var dead = await SeededJobs.InsertDeadAsync(Host, clinic.Id, kind, "The host's Zoom connection was lost",
            payload: $$"""{"slotKey": "{{appointment}}", "patientEmail": "private@example.test"}""");
        await SeededJobs.InsertDeadAsync(Host, other.Id, kind, "Another failure");
        await SeededJobs.InsertAsync(Host, new SeedJob(kind, "succeeded") { TenantId = other.Id, Attempt = 1, FinishedAgo = TimeSpan.FromMinutes(2) });
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(420, 900);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await SignInAsync(page, "", "operator@telemed.local", "Operator123!");
            await page.GotoAsync("/platform/jobs");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Background jobs" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Jobs finished per minute over the last hour" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=recurring-jobs] tr[data-kind='jobs.cleanup']")).ToContainTextAsync("0 * * * *");
            await Assertions.Expect(page.Locator("[data-testid=status-counts] [data-status=failed] [data-count]")).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));

            // By keyboard: the clinic from its list, the appointment typed, Enter submits.
            await page.GetByLabel("Clinic").SelectOptionAsync(new SelectOptionValue { Label = clinic.Name });
            await page.GetByLabel("Appointment").FillAsync(appointment);
            await page.GetByLabel("Appointment").PressAsync("Enter");
            await PageUrls.ExpectAsync(page, $"**/platform/jobs?*appointment={appointment}*");
            var rows = page.Locator("[data-testid=job-list] tbody tr[data-job-id]");
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToContainTextAsync(clinic.Name);
            // Narrow as a phone, the page does not scroll sideways: wide tables scroll inside their own box.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the screen");

            await rows.GetByRole(AriaRole.Link, new() { Name = $"Job {dead}" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=job-payload-fields]")).ToContainTextAsync("slotKey");
            Assert.DoesNotContain("private@example.test", await page.ContentAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Job {dead} will run again now.");
            await Assertions.Expect(page.Locator("[data-testid=job-status]")).ToHaveTextAsync("Waiting");
        });
        Assert.Equal("available", await SeededJobs.StateAsync(Host, dead));
    }

    private static Task SignInAsync(IPage page, string pathBase, string email, string password) => BrowserSignIn.SignInAsync(page, pathBase, email, password);

    /// <summary>A host whose queue runs nothing, and Chromium; shared by the tests of the class.</summary>
    public sealed class IdleQueueHostAndBrowser : IAsyncLifetime
    {
        private readonly BrowserFixture _browser = new();

        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Jobs:Workers"] = "0" });
            await _browser.InitializeAsync();
        }

        public async Task<(IBrowserContext Context, PolicyViolations Violations)> NewWatchedContextAsync()
        {
            var context = await _browser.NewContextAsync(Host);
            return (context, await PolicyViolations.WatchAsync(context));
        }

        /// <summary>A clinic from the sign-up recipe, with its administrator.</summary>
        public async Task<(Tenant Clinic, string AdminEmail)> CreateClinicAsync()
        {
            var slug = $"jobs-{Guid.NewGuid():N}"[..16];
            var email = $"admin@{slug}.test";
            var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "new-clinic.recipe.json")),
                new Dictionary<string, string> { ["adminEmail"] = email, ["adminPassword"] = Password, ["adminName"] = "Clinic admin" });
            var clinic = await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
            return (clinic, email);
        }

        public async Task DisposeAsync()
        {
            await _browser.DisposeAsync();
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
    }
}
