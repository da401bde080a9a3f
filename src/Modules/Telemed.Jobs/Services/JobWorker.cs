using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>
/// Runs <see cref="JobOptions.Workers"/> worker loops in this process, fed by one claim loop. The claim loop
/// takes as many due jobs as there is room for (free workers plus <see cref="JobOptions.ClaimAhead"/>, see
/// <see cref="ClaimedJobs"/>) in one statement; a worker that finishes a job takes the next claimed one at once,
/// without another round trip to the database. Outcomes go to the <see cref="JobCompleter"/>, which writes them in batches; one
/// heartbeat extends every lease this process holds, queued or running. When nothing is due the claim loop
/// sleeps until a NOTIFY wakes it or the poll interval passes (which is also when scheduled jobs come due).
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
        using var jobs = new ClaimedJobs(workers, options.Value.EffectiveClaimAhead);
        logger.LogInformation("Starting {Workers} job workers as {Name}, holding up to {Capacity} jobs", workers, name, jobs.Capacity);

        using var stopHolding = new CancellationTokenSource();
        var writing = completer.RunAsync(stoppingToken);
        var heartbeat = HeartbeatLoopAsync(stopHolding.Token);
        var rescue = RescueLoopAsync(stoppingToken);
        var working = Enumerable.Range(0, workers).Select(_ => WorkLoopAsync(jobs, stoppingToken)).ToArray();
        try
        {
            await ClaimLoopAsync(name, jobs, stoppingToken);
        }
        finally
        {
            // Running jobs see the stopping token and hand their job back, as do the waiting ones; the leases are
            // kept alive until the last outcome is written.
            jobs.Close();
            await Task.WhenAll(working);
            completer.CompleteAdding();
            await writing;
            await stopHolding.CancelAsync();
            await Task.WhenAll(heartbeat, rescue);
        }
    }

    private async Task ClaimLoopAsync(string name, ClaimedJobs jobs, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var reserved = 0;
            try
            {
                reserved = await jobs.ReserveRoomAsync(stoppingToken);
                var claimed = await leases.ClaimAsync(name, reserved, stoppingToken);
                jobs.Release(reserved - claimed.Count);
                reserved = 0;
                foreach (var job in claimed)
                {
                    held.Hold(job);
                    jobs.Add(job);
                }
                if (claimed.Count == 0)
                {
                    await _wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                jobs.Release(reserved);
                return;
            }
            catch (Exception exception)
            {
                jobs.Release(reserved);
                // The database may be restarting; back off briefly rather than spin.
                logger.LogError(exception, "The job workers of {Name} could not claim jobs", name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One worker: runs claimed jobs one after another until no more will come.</summary>
    private async Task WorkLoopAsync(ClaimedJobs jobs, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (await jobs.NextAsync() is { } job)
        {
            try
            {
                var outcome = stoppingToken.IsCancellationRequested
                    ? JobOutcome.HandedBack(job)
                    : await executor.RunAsync(job, stoppingToken);
                await completer.CompleteAsync(outcome);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Job {Id} could not be run; it runs again once its lease expires", job.Context.Id);
            }
            finally
            {
                jobs.Release();
            }
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
