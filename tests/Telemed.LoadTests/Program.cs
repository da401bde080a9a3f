using System.Diagnostics;
using Npgsql;
using Telemed.Testing.Jobs;
using Telemed.Testing;

// Usage: dotnet run -c Release --project tests/Telemed.LoadTests -- [jobs|startup|all]
var scenario = args.FirstOrDefault() ?? "all";
if (scenario is "jobs" or "all")
{
    await JobThroughput.RunAsync(10_000);
}
if (scenario is "startup" or "all")
{
    await StartupTime.RunAsync();
}

/// <summary>No-op jobs through the real queue: one process with two workers, then two such processes.</summary>
static class JobThroughput
{
    public static async Task RunAsync(int jobs)
    {
        Console.WriteLine($"Job queue throughput, {jobs:N0} no-op jobs (real PostgreSQL, host processes on loopback)");
        await MeasureAsync(jobs, processes: 1, workersEach: 2);
        await MeasureAsync(jobs, processes: 2, workersEach: 2);
    }

    private static async Task MeasureAsync(int jobs, int processes, int workersEach)
    {
        var database = await TestPostgres.CreateDatabaseAsync("load");
        var hosts = new List<HostProcess>();
        try
        {
            for (var i = 0; i < processes; i++)
            {
                var host = HostProcess.Start(database, new Dictionary<string, string> { ["Jobs:Workers"] = workersEach.ToString() });
                hosts.Add(host);
                await host.WaitUntilHealthyAsync();
            }
            await using var connection = await TestPostgres.OpenSuperuserAsync(database);
            var stopwatch = Stopwatch.StartNew();
            await using (var insert = new NpgsqlCommand(
                $"INSERT INTO jobs (kind, payload, max_attempts) SELECT '{NoopJobHandler.Kind}', '{{}}', 3 FROM generate_series(1, {jobs}); SELECT pg_notify('jobs', '')", connection))
            {
                await insert.ExecuteNonQueryAsync();
            }
            long done;
            do
            {
                await Task.Delay(100);
                await using var count = new NpgsqlCommand("SELECT count(*) FROM jobs WHERE state = 'succeeded'", connection);
                done = (long)(await count.ExecuteScalarAsync())!;
            }
            while (done < jobs);
            stopwatch.Stop();
            Console.WriteLine($"  {processes} process(es) x {workersEach} workers: {jobs:N0} jobs in {stopwatch.Elapsed.TotalSeconds:F2} s = {jobs / stopwatch.Elapsed.TotalSeconds:N0} jobs/s");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}

/// <summary>Time from process start to /health 200 with the embedded PostgreSQL: fresh App_Data, then existing.</summary>
static class StartupTime
{
    public static async Task RunAsync()
    {
        var appData = Path.Combine("/var/tmp", $"telemed-startup-{Environment.ProcessId}");
        var settings = new Dictionary<string, string> { ["Database:DataDirectory"] = appData, ["Platform:SeedDemo"] = "true" };
        Console.WriteLine("Host start-up to first healthy answer (embedded PostgreSQL, demo clinic seeded)");
        try
        {
            foreach (var run in new[] { "fresh App_Data", "existing App_Data" })
            {
                var stopwatch = Stopwatch.StartNew();
                await using var host = HostProcess.Start(null, settings);
                await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
                stopwatch.Stop();
                Console.WriteLine($"  {run}: {stopwatch.Elapsed.TotalSeconds:F2} s");
                await host.StopAsync();
            }
        }
        finally
        {
            try { Directory.Delete(appData, recursive: true); } catch (IOException) { }
        }
    }
}
