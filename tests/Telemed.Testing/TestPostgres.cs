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

    /// <summary>
    /// A test process may end before its exit handler has removed its folder; the next run removes
    /// folders of processes that are gone, once their cluster has stopped (no postmaster.pid).
    /// </summary>
    private static void RemoveStoppedClustersOfEndedRuns()
    {
        foreach (var folder in Directory.GetDirectories("/var/tmp", "telemed-tests-*"))
        {
            var alive = int.TryParse(Path.GetFileName(folder)["telemed-tests-".Length..], out var pid) && ProcessExists(pid);
            if (!alive && !File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    private static bool ProcessExists(int pid)
    {
        try { using var process = System.Diagnostics.Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Only test clusters turn these off: the product's cluster keeps PostgreSQL's durable defaults.</summary>
    private static readonly Dictionary<string, string> ThrowawaySettings = new()
    {
        ["fsync"] = "off",
        ["full_page_writes"] = "off",
        ["synchronous_commit"] = "off",
    };

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        RemoveStoppedClustersOfEndedRuns();
        var root = Path.Combine("/var/tmp", $"telemed-tests-{Environment.ProcessId}");
        // Test databases are thrown away at the end of the run: durability is traded for speed, and the cluster says so.
        Console.WriteLine($"Test PostgreSQL cluster in {root}: fsync, full-page writes and synchronous commit are off (throwaway data).");
        var cluster = new EmbeddedPostgres(root, NullLogger.Instance, maxConnections: 500, serverSettings: ThrowawaySettings);
        await cluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }
}
