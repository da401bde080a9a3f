namespace Telemed.BrowserTests;

/// <summary>A running host and a browser, shared by the tests of a class.</summary>
public sealed class HostAndBrowserFixture : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        await _browser.InitializeAsync();
    }

    public Task<IBrowserContext> NewContextAsync() => _browser.NewContextAsync(Host);

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
