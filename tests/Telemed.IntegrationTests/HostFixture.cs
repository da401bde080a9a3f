namespace Telemed.IntegrationTests;

/// <summary>One running host (on its own fresh database) shared by the tests of a class.</summary>
public class HostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    /// <summary>Settings this fixture's host starts with, over the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
