using System.Diagnostics;
using Npgsql;
using Telemed.Testing;
using Telemed.Testing.Jobs;

namespace Telemed.LoadTests;

/// <summary>
/// No-op jobs through the real queue: one host process with its default workers, then two such processes on
/// one database. The jobs are inserted in one statement, then timed until every one has succeeded.
/// </summary>
public static class JobThroughput
{
    private const int WarmUpJobs = 1_000;

    public static async Task RunAsync(DurableCluster cluster, int jobs, IDictionary<string, string> hostSettings)
    {
        var workers = hostSettings.TryGetValue("Jobs:Workers", out var configured) ? configured : "default";
        Console.WriteLine($"Job queue throughput, {jobs:N0} no-op jobs per run (host processes on loopback, workers: {workers}; load {Load.Average()})");
        foreach (var processes in new[] { 1, 2 })
        {
            await MeasureAsync(cluster, jobs, processes, hostSettings);
        }
    }

    private static async Task MeasureAsync(DurableCluster cluster, int jobs, int processes, IDictionary<string, string> hostSettings)
    {
        var owner = await cluster.CreateDatabaseAsync("load");
        var hosts = new List<HostProcess>();
        try
        {
            for (var i = 0; i < processes; i++)
            {
                var host = HostProcess.Start(owner, hostSettings);
                hosts.Add(host);
                await host.WaitUntilHealthyAsync();
            }
            await using var connection = await cluster.OpenSuperuserAsync(new NpgsqlConnectionStringBuilder(owner).Database!);
            // A first round warms up each process (JIT, pools); the timed rounds follow.
            await RunRoundAsync(connection, WarmUpJobs);
            for (var round = 1; round <= 2; round++)
            {
                var database = CpuTime.ClusterProcesses(cluster.DataDirectory);
                var (nodesBefore, databaseBefore) = (CpuTime.Of(hosts.Select(h => h.Id)), CpuTime.Of(database));
                var commitsBefore = await CountCommitsAsync(connection);
                var elapsed = await RunRoundAsync(connection, jobs);
                var nodesCpu = CpuTime.Of(hosts.Select(h => h.Id)) - nodesBefore;
                var databaseCpu = CpuTime.Of(database) - databaseBefore;
                var commits = await CountCommitsAsync(connection) - commitsBefore;
                Console.WriteLine($"  {processes} process(es), round {round}: {jobs:N0} jobs in {elapsed.TotalSeconds:F2} s = {jobs / elapsed.TotalSeconds:N0} jobs/s"
                    + $" (per job: {nodesCpu / jobs * 1e6:F0} µs CPU in the hosts, {databaseCpu / jobs * 1e6:F0} µs in PostgreSQL,"
                    + $" {(double)commits / jobs:F2} transactions; load {Load.Average()})");
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Inserts the jobs in one statement and times them until the last has succeeded. Polling must cost the database
    /// little, or the harness would slow what it measures: workers claim in id order, so the newest job is watched
    /// (one index lookup) and the whole range is checked only once it is done.
    /// </summary>
    private static async Task<TimeSpan> RunRoundAsync(NpgsqlConnection connection, int jobs)
    {
        var stopwatch = Stopwatch.StartNew();
        long first, last;
        await using (var insert = new NpgsqlCommand($$"""
            WITH inserted AS (
              INSERT INTO jobs (kind, payload, max_attempts) SELECT '{{NoopJobHandler.Kind}}', '{}', 3 FROM generate_series(1, {{jobs}}) RETURNING id)
            SELECT min(id), max(id), pg_notify('jobs', '') FROM inserted
            """, connection))
        await using (var reader = await insert.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (first, last) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        while (await ScalarAsync<string>(connection, $"SELECT state FROM jobs WHERE id = {last}") != "succeeded")
        {
            await Task.Delay(5);
        }
        while (await ScalarAsync<long>(connection, $"SELECT count(*) FROM jobs WHERE id BETWEEN {first} AND {last} AND state <> 'succeeded'") > 0)
        {
            await Task.Delay(5);
        }
        return stopwatch.Elapsed;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Transactions committed in this database so far, once idle backends have reported theirs (within 10 s).</summary>
    private static async Task<long> CountCommitsAsync(NpgsqlConnection connection)
    {
        await Task.Delay(TimeSpan.FromSeconds(11));
        await using var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection);
        await clear.ExecuteNonQueryAsync();
        await using var count = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

/// <summary>The machine's 1-minute load average, printed with every figure: the machine is shared.</summary>
public static class Load
{
    public static string Average() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
