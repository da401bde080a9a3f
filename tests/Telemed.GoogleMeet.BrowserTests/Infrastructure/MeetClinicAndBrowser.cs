namespace Telemed.GoogleMeet.BrowserTests.Infrastructure;

/// <summary>A host with one provisioned clinic, and Chromium; shared by the tests of a class.</summary>
public sealed class MeetClinicAndBrowser : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestHost? _host;

    public MeetClinic Clinic { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        Clinic = await MeetClinic.ProvisionAsync(_host);
        await _browser.InitializeAsync();
    }

    /// <summary>A fresh context that records whatever Chromium blocks under the product's policies.</summary>
    public async Task<(IBrowserContext Context, PolicyViolations Violations)> NewWatchedContextAsync()
    {
        var context = await _browser.NewContextAsync(_host!);
        return (context, await PolicyViolations.WatchAsync(context));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
