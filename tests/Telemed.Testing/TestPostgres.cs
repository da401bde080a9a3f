using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telemed.Core.Data.Postgres;

namespace Telemed.Testing;

/// <summary>
/// One real PostgreSQL cluster for the whole test run, in a temporary folder, stopped when the
/// process exits. Each test class asks for its own fresh database in it.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var cluster = await Cluster.Value;
        var name = $"{prefix ?? "t"}_{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        return await PostgresBootstrap.EnsureDatabaseAsync(cluster, name, CancellationToken.None);
    }

    /// <summary>A superuser connection to the given database, for assertions that must see past RLS.</summary>
    public static async Task<NpgsqlConnection> OpenSuperuserAsync(string ownerConnectionString)
    {
        var cluster = await Cluster.Value;
        var database = new NpgsqlConnectionStringBuilder(ownerConnectionString).Database!;
        var connection = new NpgsqlConnection(cluster.SuperuserConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var root = Path.Combine("/var/tmp", $"telemed-tests-{Environment.ProcessId}");
        var cluster = new EmbeddedPostgres(root, NullLogger.Instance);
        await cluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }
}
