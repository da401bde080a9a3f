using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;

namespace Telemed.Jobs.Services;

/// <summary>Runs a claimed job's handler in its own scope, inside the job's clinic, and says what became of the attempt.</summary>
public sealed class JobExecutor(
    IServiceScopeFactory scopes, ITenantStore tenants, IEnumerable<JobKind> kinds, IOptions<JobOptions> options, ILogger<JobExecutor> logger)
{
    /// <summary>The meter whose <c>telemed.jobs.duration</c> histogram times every attempt by kind and outcome.</summary>
    public const string MeterName = "Telemed.Jobs";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("telemed.jobs.duration", "ms", "How long a job's attempt ran");

    private readonly Dictionary<string, Type> _handlers = kinds.ToDictionary(k => k.Name, k => k.HandlerType);

    public async Task<JobOutcome> RunAsync(ClaimedJob claimed, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await RunAttemptAsync(claimed, stoppingToken);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("kind", claimed.Context.Kind), new KeyValuePair<string, object?>("outcome", outcome.State));
        return outcome;
    }

    private async Task<JobOutcome> RunAttemptAsync(ClaimedJob claimed, CancellationToken stoppingToken)
    {
        var job = claimed.Context;
        if (job.Attempt > job.MaxAttempts)
        {
            // Its last attempt died with its worker (lease expired): nothing left to try.
            return new JobOutcome(job.Id, claimed.LeaseToken, "dead", "The last attempt did not finish (its worker stopped).");
        }
        try
        {
            await ExecuteAsync(job, stoppingToken);
            return new JobOutcome(job.Id, claimed.LeaseToken, "succeeded");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return JobOutcome.HandedBack(claimed);
        }
        catch (Exception exception)
        {
            return Failure(claimed, exception);
        }
    }

    private async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handlerType))
        {
            throw new PermanentJobFailureException($"No handler is registered for job kind '{job.Kind}'.");
        }
        await using var scope = scopes.CreateAsyncScope();
        if (job.TenantId is { } tenantId)
        {
            var tenant = await tenants.FindByIdAsync(tenantId, cancellationToken)
                ?? throw new PermanentJobFailureException($"The clinic {tenantId} no longer exists.");
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        }
        var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(handlerType);
        await handler.ExecuteAsync(job, cancellationToken);
    }

    private JobOutcome Failure(ClaimedJob claimed, Exception exception)
    {
        var job = claimed.Context;
        var dead = exception is PermanentJobFailureException || job.Attempt >= job.MaxAttempts;
        var runAt = (exception as RetryJobLaterException)?.NotBefore ?? DateTimeOffset.UtcNow + options.Value.Backoff(job.Attempt);
        var message = exception is RetryJobLaterException or PermanentJobFailureException
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}";
        if (dead)
        {
            logger.LogError(exception, "Job {Id} ({Kind}) is dead after attempt {Attempt}/{Max}: {Error}", job.Id, job.Kind, job.Attempt, job.MaxAttempts, message);
            return new JobOutcome(job.Id, claimed.LeaseToken, "dead", message);
        }
        logger.LogWarning("Job {Id} ({Kind}) attempt {Attempt}/{Max} failed, retrying at {RunAt:O}: {Error}", job.Id, job.Kind, job.Attempt, job.MaxAttempts, runAt, message);
        return new JobOutcome(job.Id, claimed.LeaseToken, "retrying", message, runAt);
    }
}
