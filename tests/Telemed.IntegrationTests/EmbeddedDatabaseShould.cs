using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telemed.Core.Data.Postgres;

namespace Telemed.IntegrationTests;

/// <summary>The product's own PostgreSQL cluster keeps PostgreSQL's durable settings.</summary>
public sealed class EmbeddedDatabaseShould
{
    [Fact]
    public async Task RunTheProductsClusterWithDurableSettings()
    {
        var root = Path.Combine("/var/tmp", $"telemed-durable-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = root }).Build();
        var (_, cluster) = await PostgresBootstrap.StartAsync(configuration, root, NullLogger.Instance);
        try
        {
            await using var connection = new NpgsqlConnection(cluster!.SuperuserConnectionString());
            await connection.OpenAsync();
            Assert.Equal("on", await ShowAsync(connection, "fsync"));
            Assert.Equal("on", await ShowAsync(connection, "full_page_writes"));
            Assert.Equal("on", await ShowAsync(connection, "synchronous_commit"));
            Assert.Equal(EmbeddedPostgres.MaxConnections.ToString(), await ShowAsync(connection, "max_connections"));
        }
        finally
        {
            await cluster!.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
