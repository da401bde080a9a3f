using Microsoft.Playwright;

namespace Telemed.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright. The browser comes from the machine (the test command
/// installs the <c>chromium</c> package); Playwright's own browser download is never used.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (the README's test command does).");
        }
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

    /// <summary>A fresh browser context whose relative URLs resolve against the host.</summary>
    public Task<IBrowserContext> NewContextAsync(TestHost host) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString().TrimEnd('/'), Locale = "en-GB", TimezoneId = "Europe/London" });
}
