using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Workflows.BrowserTests;

/// <summary>One host and one Chromium for the workflow page tests; each test provisions its own clinic.</summary>
public sealed class WorkflowsFixture : IAsyncLifetime
{
    public const string BookedWorkflow = "Booked: video meeting and confirmation";

    public TestHost Host { get; private set; } = null!;
    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (Host is not null) await Host.DisposeAsync();
    }

    public Task<Tenant> NewClinicAsync() => TestClinics.ProvisionAsync(Host, "wf");

    /// <summary>The clinic's workflow named <paramref name="name"/>, read through the store.</summary>
    public Task<WorkflowType> WorkflowAsync(Tenant clinic, string name) =>
        Host.InTenantAsync(clinic, async services =>
        {
            var store = services.GetRequiredService<WorkflowStore>();
            await store.EnsureSetUpAsync(CancellationToken.None);
            return (await store.ListAsync(CancellationToken.None)).Single(t => t.Name == name);
        });

    public Task<T> InClinicAsync<T>(Tenant clinic, Func<IServiceProvider, Task<T>> work) => Host.InTenantAsync(clinic, work);

    public static string PathBase(Tenant clinic) => $"/c/{clinic.Slug}";

    public static async Task SignInAsync(IPage page, Tenant clinic)
    {
        await page.GotoAsync($"{PathBase(clinic)}/login");
        await page.GetByLabel("E-mail").FillAsync(TestClinics.AdminEmail);
        await page.GetByLabel("Password").FillAsync(TestClinics.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"{PathBase(clinic)}/admin") + "$"));
    }

    /// <summary>Nothing sticks out sideways: the page is no wider than the window; a failure names what is too wide.</summary>
    public static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var offenders = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] : ['scrollWidth ' + document.documentElement.scrollWidth].concat(
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !e.closest('.wf-canvas') && !e.parentElement?.closest('.table-responsive'))
                .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)))
            """);
        Assert.True(offenders.Length == 0, $"{page.Url} is wider than the {page.ViewportSize?.Width} px window: {string.Join("; ", offenders)}");
    }

    /// <summary>A full-page screenshot into $TELEMED_SCREENSHOTS, when set, for a person to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("TELEMED_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}

/// <summary>The workflow page tests share one host and browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class WorkflowsCollection : ICollectionFixture<WorkflowsFixture>
{
    public const string Name = "Workflow pages";
}
