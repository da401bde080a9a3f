using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>What became of an admin's retry, cancel or delete.</summary>
public enum JobCommandResult
{
    Done,
    /// <summary>No such job in the scope: gone, or another clinic's.</summary>
    NotFound,
    /// <summary>The job's status does not allow it (it may have just changed).</summary>
    NotAllowed,
    /// <summary>Another live job holds the same unique key, so this one cannot come back.</summary>
    Duplicate,
}

/// <summary>
/// Retry, cancel and delete, each a single conditional statement within a <see cref="JobScope"/>: a clinic's
/// command goes through its clinic view, so another clinic's job id matches nothing.
/// </summary>
public sealed class JobCommands(Database database, IOptions<JobOptions> options, ILogger<JobCommands> logger)
{
    /// <summary>A failed job (or one waiting to retry) runs again now, with a fresh set of attempts; its history stays.</summary>
    public Task<JobCommandResult> RetryAsync(JobScope scope, long id, string by, CancellationToken cancellationToken = default) =>
        ExecuteAsync(scope, id, "retried", by, $"""
            UPDATE {scope.Jobs} SET state = 'available', max_attempts = attempt + @fresh, run_at = now(), updated_at = now(), finished_at = NULL
            WHERE id = @id AND state IN ('dead', 'retrying');
            """, notify: true, cancellationToken);

    /// <summary>A job that has not started (or waits to retry) will not run; it stays listed as cancelled until deleted or cleaned up.</summary>
    public Task<JobCommandResult> CancelAsync(JobScope scope, long id, string by, CancellationToken cancellationToken = default) =>
        ExecuteAsync(scope, id, "cancelled", by, $"""
            UPDATE {scope.Jobs} SET state = 'cancelled', updated_at = now(), finished_at = now()
            WHERE id = @id AND state IN ('available', 'retrying');
            """, notify: false, cancellationToken);

    /// <summary>Removes a job that has finished (succeeded, failed or cancelled) with its attempts.</summary>
    public Task<JobCommandResult> DeleteAsync(JobScope scope, long id, string by, CancellationToken cancellationToken = default) =>
        ExecuteAsync(scope, id, "deleted", by, $"""
            DELETE FROM {scope.Jobs} WHERE id = @id AND state IN ('succeeded', 'dead', 'cancelled');
            """, notify: false, cancellationToken);

    private async Task<JobCommandResult> ExecuteAsync(JobScope scope, long id, string verb, string by, string sql, bool notify, CancellationToken cancellationToken)
    {
        await using var connection = await scope.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        if (sql.Contains("@fresh", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("fresh", options.Value.MaxAttempts);
        }
        int changed;
        try
        {
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return JobCommandResult.Duplicate;
        }
        if (changed == 0)
        {
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM {scope.Jobs} WHERE id = @id", connection);
            exists.Parameters.AddWithValue("id", id);
            return await exists.ExecuteScalarAsync(cancellationToken) is null ? JobCommandResult.NotFound : JobCommandResult.NotAllowed;
        }
        if (notify)
        {
            await using var wake = new NpgsqlCommand($"SELECT pg_notify('{JobQueue.Channel}', '')", connection);
            await wake.ExecuteNonQueryAsync(cancellationToken);
        }
        logger.LogInformation("Job {Id} {Verb} by {User} ({Scope})", id, verb, by, scope.TenantId?.ToString() ?? "platform");
        return JobCommandResult.Done;
    }
}
