using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>
/// Runs up to <see cref="JobOptions.Workers"/> jobs at once in this process. One claim loop takes as many due
/// jobs as there are free workers in one statement and hands each to a worker; outcomes go to the
/// <see cref="JobCompleter"/>, which writes them in batches; one heartbeat extends every lease this process
/// holds. When nothing is due the loop sleeps until a NOTIFY wakes it or the poll interval passes (which is
/// also when scheduled jobs come due).
/// </summary>
public sealed class JobWorker(
    JobLeases leases, JobExecutor executor, JobCompleter completer, HeldLeases held, PostgresNotifications notifications,
    IOptions<JobOptions> options, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wakeUp = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = options.Value.Workers;
        if (workers <= 0)
        {
            return;
        }
        notifications.Subscribe(JobQueue.Channel, _ => WakeUp());
        var name = $"{Environment.MachineName}:{Environment.ProcessId}";
        logger.LogInformation("Starting {Workers} job workers as {Name}", workers, name);

        using var freeWorkers = new SemaphoreSlim(workers, workers);
        using var stopHolding = new CancellationTokenSource();
        var writing = completer.RunAsync(stoppingToken);
        var heartbeat = HeartbeatLoopAsync(stopHolding.Token);
        var rescue = RescueLoopAsync(stoppingToken);
        try
        {
            await ClaimLoopAsync(name, freeWorkers, stoppingToken);
        }
        finally
        {
            // Running jobs see the stopping token and hand their job back; every worker returns once its outcome is queued,
            // and the leases are kept alive until the last outcome is written.
            for (var i = 0; i < workers; i++)
            {
                await freeWorkers.WaitAsync(CancellationToken.None);
            }
            completer.CompleteAdding();
            await writing;
            await stopHolding.CancelAsync();
            await Task.WhenAll(heartbeat, rescue);
        }
    }

    private async Task ClaimLoopAsync(string name, SemaphoreSlim freeWorkers, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                await freeWorkers.WaitAsync(stoppingToken);
                taken = 1;
                while (freeWorkers.Wait(0))
                {
                    taken++;
                }
                var claimed = await leases.ClaimAsync(name, taken, stoppingToken);
                ReleaseUnused(freeWorkers, taken - claimed.Count);
                taken = 0;
                foreach (var job in claimed)
                {
                    held.Hold(job);
                    _ = Task.Run(() => RunAsync(job, freeWorkers, stoppingToken), CancellationToken.None);
                }
                if (claimed.Count == 0)
                {
                    await _wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                ReleaseUnused(freeWorkers, taken);
                return;
            }
            catch (Exception exception)
            {
                ReleaseUnused(freeWorkers, taken);
                // The database may be restarting; back off briefly rather than spin.
                logger.LogError(exception, "The job workers of {Name} could not claim jobs", name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static void ReleaseUnused(SemaphoreSlim freeWorkers, int unused)
    {
        if (unused > 0)
        {
            freeWorkers.Release(unused);
        }
    }

    private async Task RunAsync(ClaimedJob job, SemaphoreSlim freeWorkers, CancellationToken stoppingToken)
    {
        try
        {
            await completer.CompleteAsync(await executor.RunAsync(job, stoppingToken));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Job {Id} could not be run; it runs again once its lease expires", job.Context.Id);
        }
        finally
        {
            freeWorkers.Release();
        }
    }

    /// <summary>Every third of a lease, extends every lease this process holds, in one statement.</summary>
    private async Task HeartbeatLoopAsync(CancellationToken stopHolding)
    {
        while (!stopHolding.IsCancellationRequested)
        {
            await Task.Delay(options.Value.Lease / 3, stopHolding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var leasesHeld = held.Snapshot();
            if (leasesHeld.Length == 0 || stopHolding.IsCancellationRequested)
            {
                continue;
            }
            try
            {
                await leases.ExtendAsync(leasesHeld, stopHolding);
            }
            catch (Exception exception) when (!stopHolding.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not extend the leases of {Count} jobs", leasesHeld.Length);
            }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Every half lease, returns jobs of dead workers to the queue (any node may do it; it is idempotent).</summary>
    private async Task RescueLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.Lease / 2, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await leases.RescueExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Could not rescue jobs with expired leases");
            }
            catch (OperationCanceledException) { }
        }
    }

    private void WakeUp()
    {
        try { _wakeUp.Release(); }
        catch (SemaphoreFullException) { }
    }
}
