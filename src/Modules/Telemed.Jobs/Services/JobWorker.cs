using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>
/// Runs <see cref="JobOptions.Workers"/> loops in this process. Each claims one job at a time and,
/// while jobs keep coming, claims the next without waiting; when the queue is empty it sleeps until
/// a NOTIFY wakes it or the poll interval passes (which is also when scheduled jobs come due).
/// </summary>
public sealed class JobWorker(JobRunner runner, PostgresNotifications notifications, IOptions<JobOptions> options, ILogger<JobWorker> logger)
    : BackgroundService
{
    private readonly List<SemaphoreSlim> _wakeUps = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = options.Value.Workers;
        if (workers <= 0)
        {
            return;
        }
        for (var i = 0; i < workers; i++)
        {
            _wakeUps.Add(new SemaphoreSlim(0));
        }
        notifications.Subscribe(JobQueue.Channel, _ => WakeAll());
        var name = $"{Environment.MachineName}:{Environment.ProcessId}";
        logger.LogInformation("Starting {Workers} job workers as {Name}", workers, name);
        var loops = Enumerable.Range(0, workers).Select(i => RunLoopAsync($"{name}:{i}", _wakeUps[i], stoppingToken));
        await Task.WhenAll(loops.Append(RescueLoopAsync(stoppingToken)));
    }

    /// <summary>Every half lease, returns jobs of dead workers to the queue (any node may do it; it is idempotent).</summary>
    private async Task RescueLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.Lease / 2, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await runner.RescueExpiredLeasesAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not rescue jobs with expired leases");
            }
        }
    }

    private async Task RunLoopAsync(string workerName, SemaphoreSlim wakeUp, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runner.RunNextAsync(workerName, stoppingToken))
                {
                    continue;
                }
                await wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be restarting; back off briefly rather than spin.
                logger.LogError(exception, "Job worker {Worker} failed to claim a job", workerName);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void WakeAll()
    {
        foreach (var wakeUp in _wakeUps)
        {
            if (wakeUp.CurrentCount == 0)
            {
                wakeUp.Release();
            }
        }
    }
}
