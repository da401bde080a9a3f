namespace Telemed.Zoom.IntegrationTests.Infrastructure;

/// <summary>
/// The product on loopback with the Zoom sandbox mounted in it (no real Zoom app configured), PKCE required by
/// the sandbox, and Zoom calls that give up after one second so timeouts are quick to provoke.
/// </summary>
public sealed class ZoomHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;
    public SandboxControl Sandbox { get; private set; } = null!;

    public static Dictionary<string, string?> Settings => new()
    {
        ["Sandbox:Zoom:RequirePkce"] = "true",
        ["Sandbox:Zoom:WebhookRetryDelays:0"] = "00:00:00.200",
        ["Zoom:RequestTimeout"] = "00:00:01",
        ["Jobs:Workers"] = "4",
    };

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(Settings, configureServices: services => services.UseTestHostDirectory());
        Sandbox = new SandboxControl(new Uri(Host.BaseAddress, "sandbox/"));
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
