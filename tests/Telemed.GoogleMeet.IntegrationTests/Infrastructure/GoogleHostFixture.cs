namespace Telemed.GoogleMeet.IntegrationTests.Infrastructure;

/// <summary>
/// The product on loopback with the sandbox's Google mounted in it (no real Google app configured), Google calls that
/// give up after one second so timeouts are quick to provoke, and short looks at a pending Meet conference.
/// </summary>
public sealed class GoogleHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;
    public GoogleSandbox Sandbox { get; private set; } = null!;

    public static Dictionary<string, string?> Settings => new()
    {
        ["Google:RequestTimeout"] = "00:00:01",
        ["Google:ConferencePollDelays:0"] = "00:00:00.100",
        ["Google:ConferencePollDelays:1"] = "00:00:00.200",
        ["Jobs:Workers"] = "4",
    };

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(Settings, configureServices: services => services.UseTestHostDirectory());
        Sandbox = new GoogleSandbox(new Uri(Host.BaseAddress, "sandbox/"));
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
