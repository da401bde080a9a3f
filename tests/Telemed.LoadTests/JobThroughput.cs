using System.Diagnostics;
using Npgsql;
using Telemed.Testing;
using Telemed.Testing.Jobs;

namespace Telemed.LoadTests;

/// <summary>
/// No-op jobs through the real queue: one host process with its default workers, then two such processes on
/// one database. The jobs are inserted in one statement, then timed from that commit until none is queued or running.
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
                var elapsed = await RunRoundAsync(connection, jobs);
                var nodesCpu = CpuTime.Of(hosts.Select(h => h.Id)) - nodesBefore;
                var databaseCpu = CpuTime.Of(database) - databaseBefore;
                Console.WriteLine($"  {processes} process(es), round {round}: {jobs:N0} jobs in {elapsed.TotalSeconds:F2} s = {jobs / elapsed.TotalSeconds:N0} jobs/s"
                    + $" (CPU per job: {nodesCpu / jobs * 1e6:F0} µs in the host, {databaseCpu / jobs * 1e6:F0} µs in PostgreSQL; load {Load.Average()})");
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

    private static async Task<TimeSpan> RunRoundAsync(NpgsqlConnection connection, int jobs)
    {
        var before = await CountSucceededAsync(connection);
        var stopwatch = Stopwatch.StartNew();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO jobs (kind, payload, max_attempts) SELECT '{NoopJobHandler.Kind}', '{{}}', 3 FROM generate_series(1, {jobs}); SELECT pg_notify('jobs', '')", connection))
        {
            await insert.ExecuteNonQueryAsync();
        }
        while (await AnyPendingAsync(connection))
        {
            await Task.Delay(10);
        }
        var elapsed = stopwatch.Elapsed;
        var succeeded = await CountSucceededAsync(connection) - before;
        if (succeeded != jobs)
        {
            throw new InvalidOperationException($"{succeeded:N0} of {jobs:N0} jobs succeeded.");
        }
        return elapsed;
    }

    /// <summary>
    /// Cheap enough to ask often (it reads the partial indexes of due and running jobs), unlike a count. Jobs due
    /// later (the hourly clean-up) do not count.
    /// </summary>
    private static async Task<bool> AnyPendingAsync(NpgsqlConnection connection)
    {
        await using var pending = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM jobs WHERE state IN ('available', 'retrying') AND run_at <= now()) OR EXISTS (SELECT 1 FROM jobs WHERE state = 'running')",
            connection);
        return (bool)(await pending.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountSucceededAsync(NpgsqlConnection connection)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM jobs WHERE state = 'succeeded'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

/// <summary>The machine's 1-minute load average, printed with every figure: the machine is shared.</summary>
public static class Load
{
    public static string Average() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
