using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.BrowserTests;

/// <summary>
/// The pages work in Chromium under the product's Content-Security-Policy, and Chromium reports nothing
/// blocked: the public site and slot picker, the manage link, staff and Zoom pages with the sandbox's
/// consent page, the operator's clinics list with its confirm, error and tenant status pages.
/// </summary>
public sealed class ContentSecurityPolicyShould(ContentSecurityPolicyShould.DemoHostAndBrowser fixture) : IClassFixture<ContentSecurityPolicyShould.DemoHostAndBrowser>
{
    private const string DemoPassword = "Demo123!";

    [Fact]
    public async Task LetAVisitorBookAndManageWithNothingBlocked()
    {
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        await violations.AssertNoneAfterAsync(async () =>
        {
            await page.GotoAsync("/c/demo/");
            await page.GotoAsync("/c/demo/book");
            await page.GetByRole(AriaRole.Link, new() { Name = "Choose In-clinic check-up" }).ClickAsync();
            await page.Locator("a.slot").First.WaitForAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Next month" }).ClickAsync();
            await Microsoft.Playwright.Assertions.Expect(page.Locator("#month-grid")).Not.ToHaveAttributeAsync("aria-busy", "true");
            await page.Locator("#month-grid a.calendar-day").Last.ClickAsync();
            await page.Locator("a.slot").First.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/details?*");
            await page.GetByLabel("Full name").FillAsync("Morgan Price");
            await page.GetByLabel("E-mail").FillAsync("morgan.price@example.test");
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/confirmation/*");
            await page.GetByRole(AriaRole.Link, new() { Name = "Manage your appointment" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/manage/*");
            await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();
            await page.Locator("a.slot").First.WaitForAsync();
        });
    }

    [Fact]
    public async Task LetADoctorConnectZoomThroughTheSandboxWithNothingBlocked()
    {
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        await violations.AssertNoneAfterAsync(async () =>
        {
            await SignInAsync(page, "/c/demo", "dr.alice@demo.clinic", DemoPassword);
            await page.GotoAsync("/c/demo/zoom/connection");
            await page.GetByRole(AriaRole.Button, new() { Name = "Connect Zoom" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/sandbox/zoom/oauth/authorize?*");
            // The consent page's stylesheet applied.
            var allow = page.GetByRole(AriaRole.Button, new() { Name = "Allow" });
            Assert.Equal("rgb(11, 92, 255)", await allow.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
            await page.GetByLabel("Sign in as (sandbox Zoom user e-mail)").FillAsync("dr.alice@demo.clinic");
            await allow.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/c/demo/meetings/connections**");
            Assert.Equal("dr.alice@demo.clinic", await page.Locator("[data-testid=zoom-account]").InnerTextAsync());
            await page.GotoAsync("/c/demo/zoom/sessions");
            await page.GotoAsync("/c/demo/admin/appointments");
            await page.GotoAsync("/sandbox/zoom/s/1?zak=expired");
            Assert.Equal("Start link expired", await page.Locator("h1").InnerTextAsync());
        });
    }

    [Fact]
    public async Task LetAClinicAdminUseTheAdminPagesWithNothingBlocked()
    {
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(600, 900);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await SignInAsync(page, "/c/demo", "admin@demo.clinic", DemoPassword);
            foreach (var path in new[] { "/c/demo/admin/services", "/c/demo/admin/hosts", "/c/demo/admin/jobs", "/c/demo/admin/zoom", "/c/demo/admin/zoom/meetings", "/c/demo/admin/users" })
            {
                await page.GotoAsync(path);
            }
            // Bootstrap's script runs: the collapsed menu opens.
            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Appointments" }).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        });
    }

    [Fact]
    public async Task AskTheOperatorBeforeDeletingAClinicWithNothingBlocked()
    {
        var keep = await fixture.CreateClinicAsync();
        var remove = await fixture.CreateClinicAsync();
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        var asked = new List<string>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (answer ? dialog.AcceptAsync() : dialog.DismissAsync());
        };

        await violations.AssertNoneAfterAsync(async () =>
        {
            await SignInAsync(page, "", "operator@telemed.local", "Operator123!");
            await page.GotoAsync("/platform");
            await page.Locator($"tr[data-slug='{keep.Slug}']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            answer = true;
            await page.Locator($"tr[data-slug='{remove.Slug}']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await page.Locator($"tr[data-slug='{remove.Slug}']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        });

        Assert.Equal([$"Delete {keep.Name} and all of its data? This cannot be undone.", $"Delete {remove.Name} and all of its data? This cannot be undone."], asked);
        Assert.NotNull(await fixture.Host.GetRequiredService<ITenantStore>().FindBySlugAsync(keep.Slug));
        Assert.Null(await fixture.Host.GetRequiredService<ITenantStore>().FindBySlugAsync(remove.Slug));
    }

    [Fact]
    public async Task ShowErrorAndTenantStatusPagesWithNothingBlocked()
    {
        var suspended = await fixture.CreateClinicAsync();
        await fixture.Host.GetRequiredService<TenantRegistry>().SetStateAsync(suspended.Id, TenantState.Suspended);
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        await violations.AssertNoneAfterAsync(async () =>
        {
            await page.GotoAsync("/c/demo/no-such-page");
            Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
            await page.GotoAsync("/c/no-such-clinic/");
            Assert.Equal("Clinic not found", await page.Locator("h1").InnerTextAsync());
            await page.GotoAsync($"/c/{suspended.Slug}/");
            Assert.Equal("Temporarily unavailable", await page.Locator("h1").InnerTextAsync());
            // The status page's own style, allowed by its nonce, applied.
            Assert.Equal("rgb(255, 255, 255)", await page.Locator("main").EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor"));
        });
    }

    /// <summary>The policy is enforced, and what it blocks is what the other tests would see.</summary>
    [Fact]
    public async Task BlockAScriptOrHandlerInjectedIntoAPage()
    {
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync("/c/demo/login");

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");
        await page.EvaluateAsync("() => { document.body.setAttribute('onclick', 'window.clicked = true'); document.body.click(); }");

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.False(await page.EvaluateAsync<bool>("() => window.clicked === true"));
        await WaitForAsync(() => violations.Seen.Count(v => v.Contains("securitypolicyviolation")) >= 2);
        Assert.Contains(violations.Seen, v => v.Contains("securitypolicyviolation: script-src-elem blocked inline"));
        Assert.Contains(violations.Seen, v => v.Contains("securitypolicyviolation: script-src-attr blocked inline"));
    }

    private static Task SignInAsync(IPage page, string pathBase, string email, string password) => BrowserSignIn.SignInAsync(page, pathBase, email, password);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>A host seeded with the demo clinic, and Chromium; shared by the tests of the class.</summary>
    public sealed class DemoHostAndBrowser : IAsyncLifetime
    {
        private readonly BrowserFixture _browser = new();

        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Platform:SeedDemo"] = "true" });
            await _browser.InitializeAsync();
        }

        public async Task<(IBrowserContext Context, PolicyViolations Violations)> NewWatchedContextAsync()
        {
            var context = await _browser.NewContextAsync(Host);
            return (context, await PolicyViolations.WatchAsync(context));
        }

        public Task<Tenant> CreateClinicAsync()
        {
            var slug = $"csp-{Guid.NewGuid():N}"[..16];
            var recipe = Recipe.Parse("""{ "name": "csp-tests", "steps": [ { "step": "settings", "welcomeMessage": "Hello." } ] }""");
            return Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
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
