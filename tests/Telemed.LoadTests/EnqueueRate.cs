using System.Diagnostics;
using Microsoft.Extensions.Options;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Jobs.Services;
using Telemed.Testing;
using Telemed.Testing.Jobs;

namespace Telemed.LoadTests;

/// <summary>
/// Enqueueing through <see cref="IJobQueue"/> as the product does: one job per transaction (one caller, then
/// concurrent callers as web requests are), and in bulk with EnqueueManyAsync inside the caller's transaction.
/// No worker runs, so only the enqueueing is timed.
/// </summary>
public static class EnqueueRate
{
    private const int ConcurrentCallers = 16;

    public static async Task RunAsync(DurableCluster cluster)
    {
        var owner = await cluster.CreateDatabaseAsync("enqueue");
        await using (var node = HostProcess.Start(owner, new Dictionary<string, string> { ["Jobs:Workers"] = "0" }))
        {
            // A node applies the schema, as it would in the product.
            await node.WaitUntilHealthyAsync();
            await node.StopAsync();
        }
        await using var database = new Database(owner, DatabaseRoles.DeriveAppConnectionString(owner));
        var queue = new JobQueue(database, Options.Create(new JobOptions()));
        var job = new JobRequest(NoopJobHandler.Kind);
        await SinglesAsync(queue, job, 200, callers: 1);

        Console.WriteLine($"Enqueue rate (durable commits; load {Load.Average()})");
        Report("one job per transaction, 1 caller", 2_000, await SinglesAsync(queue, job, 2_000, callers: 1));
        Report($"one job per transaction, {ConcurrentCallers} callers", 10_000, await SinglesAsync(queue, job, 10_000, ConcurrentCallers));
        Report("EnqueueManyAsync, 1,000 jobs per transaction", 50_000, await BulkAsync(database, queue, job, transactions: 50, jobsEach: 1_000));
    }

    private static void Report(string what, int jobs, TimeSpan elapsed) =>
        Console.WriteLine($"  {what}: {jobs:N0} jobs in {elapsed.TotalSeconds:F2} s = {jobs / elapsed.TotalSeconds:N0} jobs/s (load {Load.Average()})");

    private static async Task<TimeSpan> SinglesAsync(IJobQueue queue, JobRequest job, int jobs, int callers)
    {
        var remaining = jobs;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await queue.EnqueueAsync(job);
            }
        })));
        return stopwatch.Elapsed;
    }

    private static async Task<TimeSpan> BulkAsync(Database database, IJobQueue queue, JobRequest job, int transactions, int jobsEach)
    {
        var jobs = Enumerable.Repeat(job, jobsEach).ToList();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < transactions; i++)
        {
            await using var connection = await database.OpenAsync((Guid?)null);
            await using var transaction = await connection.BeginTransactionAsync();
            await queue.EnqueueManyAsync(jobs, connection, transaction);
            await transaction.CommitAsync();
        }
        return stopwatch.Elapsed;
    }
}
