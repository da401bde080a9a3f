using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telemed.Core.Jobs;

namespace Telemed.Jobs.Services;

/// <summary>A job kind that should run every <see cref="Interval"/>, on one node at a time.</summary>
public sealed record RecurringJob(string Kind, TimeSpan Interval);

/// <summary>
/// Keeps one pending instance of each recurring job in the queue. The unique key makes every node's
/// scheduler agree: while an instance is pending or running, scheduling another is a no-op.
/// </summary>
public sealed class RecurringJobScheduler(IEnumerable<RecurringJob> recurring, IJobQueue queue, ILogger<RecurringJobScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var job in recurring)
            {
                try
                {
                    await queue.EnqueueAsync(new JobRequest(job.Kind)
                    {
                        RunAt = DateTimeOffset.UtcNow + job.Interval,
                        UniqueKey = $"recurring:{job.Kind}",
                    }, cancellationToken: stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Could not schedule recurring job {Kind}", job.Kind);
                }
            }
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

/// <summary>Removes finished jobs older than the retention period. Dead jobs stay until retried or their clinic goes.</summary>
public sealed class JobCleanupHandler(Telemed.Core.Data.Database database, Microsoft.Extensions.Options.IOptions<JobOptions> options) : IJobHandler
{
    public const string Kind = "jobs.cleanup";

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(
            "DELETE FROM jobs WHERE state IN ('succeeded', 'cancelled') AND finished_at < now() - @retain", connection);
        command.Parameters.AddWithValue("retain", options.Value.RetainFinished);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
