using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telemed.Core.Data.Postgres;

namespace Telemed.LoadTests;

/// <summary>
/// A PostgreSQL cluster started as the product starts its embedded one (durable: fsync, full-page writes and
/// synchronous commit on), so the figures are the product's, not the throwaway test cluster's.
/// </summary>
public sealed class DurableCluster : IAsyncDisposable
{
    private readonly string _root = Path.Combine("/var/tmp", $"telemed-load-{Environment.ProcessId}");
    private readonly EmbeddedPostgres _cluster;

    private DurableCluster() => _cluster = new EmbeddedPostgres(_root, NullLogger.Instance);

    public string DataDirectory => _cluster.DataDirectory;

    public static async Task<DurableCluster> StartAsync()
    {
        var cluster = new DurableCluster();
        await cluster._cluster.StartAsync();
        // Also when the run is interrupted (Ctrl+C, timeout's SIGTERM): a cluster left running would outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await using var connection = await cluster.OpenSuperuserAsync("postgres");
        var settings = new List<string>();
        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method" })
        {
            await using var show = new NpgsqlCommand($"SHOW {setting}", connection);
            settings.Add($"{setting}={await show.ExecuteScalarAsync()}");
        }
        Console.WriteLine($"PostgreSQL cluster in {cluster._root} with the product's durable settings: {string.Join(", ", settings)}");
        return cluster;
    }

    /// <summary>A fresh database; returns its owner's connection string, as a host is given one.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) =>
        PostgresBootstrap.EnsureDatabaseAsync(_cluster, $"{prefix}_{Guid.NewGuid():N}"[..24], CancellationToken.None);

    public string SuperuserConnectionString(string database) => _cluster.SuperuserConnectionString(database);

    public async Task<NpgsqlConnection> OpenSuperuserAsync(string database)
    {
        var connection = new NpgsqlConnection(_cluster.SuperuserConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAsync(); // a no-op once stopped
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
