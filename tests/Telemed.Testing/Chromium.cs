using Microsoft.Playwright;

namespace Telemed.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright. The browser comes from the machine (the test command
/// installs the <c>chromium</c> package); Playwright's own browser download is never used.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Milliseconds Playwright waits for an element, a navigation or an assertion before failing: generous,
    /// because a loaded two-core machine can take tens of seconds to answer what is instant when idle.
    /// </summary>
    public static readonly float DefaultTimeout = (float)Waiting.Generous.TotalMilliseconds;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (the README's test command does).");
        }
        // Locator assertions (Expect) retry until the page shows what they ask for, as long as actions and navigations may take.
        Assertions.SetDefaultExpectTimeout(DefaultTimeout);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}

/// <summary>One browser per test class; each test opens its own context (cookies, storage).</summary>
public sealed class BrowserFixture : Xunit.IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (_playwright, Browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>A fresh browser context whose relative URLs resolve against the host, waiting as long as <see cref="Chromium.DefaultTimeout"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(TestHost host)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString().TrimEnd('/'), Locale = "en-GB", TimezoneId = "Europe/London" });
        context.SetDefaultTimeout(Chromium.DefaultTimeout);
        context.SetDefaultNavigationTimeout(Chromium.DefaultTimeout);
        return context;
    }
}
