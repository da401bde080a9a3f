using Telemed.Testing;

namespace Telemed.LoadTests;

/// <summary>The product as its own process in Production mode, on a new database of the durable cluster, rate limits on the public pages lifted.</summary>
internal static class ProductionHost
{
    public static async Task<HostProcess> StartAsync(DurableCluster cluster, string database, IDictionary<string, string>? settings = null)
    {
        var owner = await cluster.CreateDatabaseAsync(database);
        var all = new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["RateLimits:PublicPerMinute"] = "1000000000",
            ["RateLimits:AccountPostsPerMinute"] = "1000000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        var host = HostProcess.Start(owner, all);
        try
        {
            await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
