using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;

namespace Telemed.Jobs.Services;

/// <summary>
/// Claims one due job (FOR UPDATE SKIP LOCKED, so concurrent workers never take the same one),
/// runs its handler inside the job's tenant while a heartbeat extends the lease, and records the
/// outcome. Completion is conditional on the lease token: a worker whose lease expired (and whose
/// job another worker took over) cannot mark it done.
/// </summary>
public sealed class JobRunner(
    Database database, IServiceScopeFactory scopes, ITenantStore tenants, IEnumerable<JobKind> kinds,
    IOptions<JobOptions> options, ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, Type> _handlers = kinds.ToDictionary(k => k.Name, k => k.HandlerType);

    private const string ClaimSql = """
        WITH next AS (
          SELECT id FROM jobs
          WHERE state IN ('available', 'retrying') AND run_at <= now()
          ORDER BY run_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
        UPDATE jobs j
        SET state = 'running', attempt = j.attempt + 1, lease_until = now() + @lease,
            lease_token = gen_random_uuid(), locked_by = @worker, updated_at = now()
        FROM next WHERE j.id = next.id
        RETURNING j.id, j.kind, j.payload::text, j.tenant_id, j.attempt, j.max_attempts, j.lease_token
        """;

    /// <summary>
    /// Puts jobs whose lease ran out (their worker died or hung) back in the queue, to be claimed
    /// again as their next attempt. Returns how many were rescued.
    /// </summary>
    public async Task<int> RescueExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE jobs SET state = 'retrying', run_at = now(), lease_until = NULL, lease_token = NULL, updated_at = now(),
              last_error = 'The worker ' || COALESCE(locked_by, '?') || ' stopped before finishing; trying again.'
            WHERE state = 'running' AND lease_until < now();
            """, connection);
        var rescued = await command.ExecuteNonQueryAsync(cancellationToken);
        if (rescued > 0)
        {
            logger.LogWarning("Rescued {Count} jobs whose lease expired", rescued);
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{JobQueue.Channel}', '')", connection);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        return rescued;
    }

    /// <summary>Runs the next due job, if any. Returns false when none was due.</summary>
    public async Task<bool> RunNextAsync(string workerName, CancellationToken stoppingToken)
    {
        var claimed = await ClaimAsync(workerName, stoppingToken);
        if (claimed is null)
        {
            return false;
        }
        var (job, leaseToken) = claimed.Value;
        if (job.Attempt > job.MaxAttempts)
        {
            // Its last attempt died with its worker (lease expired): nothing left to try.
            await FinishAsync(job.Id, leaseToken, "dead", "The last attempt did not finish (its worker stopped).", null);
            return true;
        }

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(job.Id, leaseToken, heartbeatStop.Token);
        try
        {
            await ExecuteAsync(job, stoppingToken);
            await FinishAsync(job.Id, leaseToken, "succeeded", null, null);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: give the job back so another worker can take it at once.
            await FinishAsync(job.Id, leaseToken, "available", "Interrupted by shutdown.", DateTimeOffset.UtcNow, countAttempt: false);
            throw;
        }
        catch (Exception exception)
        {
            await RecordFailureAsync(job, leaseToken, exception);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return true;
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

    private async Task RecordFailureAsync(JobContext job, Guid leaseToken, Exception exception)
    {
        var permanent = exception is PermanentJobFailureException;
        var dead = permanent || job.Attempt >= job.MaxAttempts;
        var notBefore = (exception as RetryJobLaterException)?.NotBefore;
        var runAt = notBefore ?? DateTimeOffset.UtcNow + options.Value.Backoff(job.Attempt);
        var message = exception is RetryJobLaterException or PermanentJobFailureException
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}";
        if (dead)
        {
            logger.LogError(exception, "Job {Id} ({Kind}) is dead after attempt {Attempt}/{Max}: {Error}", job.Id, job.Kind, job.Attempt, job.MaxAttempts, message);
        }
        else
        {
            logger.LogWarning("Job {Id} ({Kind}) attempt {Attempt}/{Max} failed, retrying at {RunAt:O}: {Error}", job.Id, job.Kind, job.Attempt, job.MaxAttempts, runAt, message);
        }
        await FinishAsync(job.Id, leaseToken, dead ? "dead" : "retrying", message, dead ? null : runAt);
    }

    private async Task<(JobContext Job, Guid LeaseToken)?> ClaimAsync(string workerName, CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ClaimSql, connection);
        command.Parameters.AddWithValue("lease", options.Value.Lease);
        command.Parameters.AddWithValue("worker", workerName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var job = new JobContext(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetInt32(4), reader.GetInt32(5));
        return (job, reader.GetGuid(6));
    }

    private async Task FinishAsync(long id, Guid leaseToken, string state, string? error, DateTimeOffset? runAt, bool countAttempt = true)
    {
        await using var connection = await database.App.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand($"""
            UPDATE jobs SET state = @state, last_error = COALESCE(@error, last_error), run_at = COALESCE(@run_at, run_at),
              attempt = attempt - @uncount, lease_until = NULL, lease_token = NULL, updated_at = now(),
              finished_at = CASE WHEN @state IN ('succeeded', 'dead') THEN now() END
            WHERE id = @id AND lease_token = @token
            """, connection);
        command.Parameters.AddWithValue("state", state);
        command.Parameters.AddWithValue("error", NpgsqlTypes.NpgsqlDbType.Text, (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("run_at", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)runAt ?? DBNull.Value);
        command.Parameters.AddWithValue("uncount", countAttempt ? 0 : 1);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("token", leaseToken);
        if (await command.ExecuteNonQueryAsync(CancellationToken.None) == 0)
        {
            logger.LogWarning("Job {Id} was taken over by another worker after its lease expired; this outcome ({State}) is discarded", id, state);
        }
    }

    private async Task HeartbeatAsync(long id, Guid leaseToken, CancellationToken cancellationToken)
    {
        var interval = options.Value.Lease / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(interval, cancellationToken);
            await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "UPDATE jobs SET lease_until = now() + @lease WHERE id = @id AND lease_token = @token", connection);
            command.Parameters.AddWithValue("lease", options.Value.Lease);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("token", leaseToken);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
