namespace Telemed.IntegrationTests;

/// <summary>One running host (on its own fresh database) shared by the tests of a class.</summary>
public class HostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    /// <summary>Settings this fixture's host starts with, over the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services this fixture's host adds or replaces after the modules'.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices => null;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(Settings, configureServices: ConfigureServices);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
