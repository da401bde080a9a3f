using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Jobs;

namespace Telemed.Jobs.Services;

/// <summary>A job this node holds a lease on: it alone may write the job's outcome, with this token.</summary>
public sealed record ClaimedJob(JobContext Context, Guid LeaseToken);

/// <summary>
/// The lease side of the queue, one statement each: claim a batch of due jobs (FOR UPDATE SKIP LOCKED, so
/// concurrent claimers never take the same job), extend every lease a node holds, and put jobs whose lease
/// ran out (their worker died or hung) back in the queue.
/// </summary>
public sealed class JobLeases(Database database, IOptions<JobOptions> options, ILogger<JobLeases> logger)
{
    private const string ClaimSql = """
        WITH next AS (
          SELECT id FROM jobs
          WHERE state IN ('available', 'retrying') AND run_at <= now()
          ORDER BY run_at, id
          LIMIT @limit
          FOR UPDATE SKIP LOCKED)
        UPDATE jobs j
        SET state = 'running', attempt = j.attempt + 1, lease_until = now() + @lease,
            lease_token = gen_random_uuid(), locked_by = @worker, updated_at = now()
        FROM next WHERE j.id = next.id
        RETURNING j.id, j.kind, j.payload::text, j.tenant_id, j.attempt, j.max_attempts, j.lease_token
        """;

    private const string NoFlushWait = "SET LOCAL synchronous_commit = off";

    /// <summary>
    /// Claims up to <paramref name="limit"/> due jobs, oldest first, in one transaction.
    /// The claim need not wait for its WAL to reach the disk (synchronous_commit off for this transaction only):
    /// every other claimer sees it at once all the same. What must survive a crash, the enqueue and the outcome,
    /// keeps synchronous commits, and an outcome's flush carries the claim before it; so a database crash loses a
    /// claim only when it lost that job's outcome too, and the job runs again either way.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string workerName, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claim = new NpgsqlBatchCommand(ClaimSql);
        claim.Parameters.AddWithValue("limit", limit);
        claim.Parameters.AddWithValue("lease", options.Value.Lease);
        claim.Parameters.AddWithValue("worker", workerName);
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new(NoFlushWait), claim } };
        // Prepared once per pooled connection (Npgsql keeps them across uses): the claim runs many times a second.
        await batch.PrepareAsync(cancellationToken);
        var claimed = new List<ClaimedJob>(limit);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var job = new JobContext(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetInt32(4), reader.GetInt32(5));
                claimed.Add(new ClaimedJob(job, reader.GetGuid(6)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Extends the given leases by a full lease from now; returns how many were still held. Like a claim, an
    /// extension need not be flushed to disk before the heartbeat goes on.
    /// </summary>
    public async Task<int> ExtendAsync(IReadOnlyCollection<KeyValuePair<long, Guid>> leases, CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var extend = new NpgsqlBatchCommand("""
            UPDATE jobs j SET lease_until = now() + @lease
            FROM unnest(@ids, @tokens) AS held(id, token)
            WHERE j.id = held.id AND j.lease_token = held.token AND j.state = 'running'
            """);
        extend.Parameters.AddWithValue("lease", options.Value.Lease);
        extend.Parameters.AddWithValue("ids", leases.Select(l => l.Key).ToArray());
        extend.Parameters.AddWithValue("tokens", leases.Select(l => l.Value).ToArray());
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new(NoFlushWait), extend } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return extend.RecordsAffected;
    }

    /// <summary>Puts jobs whose lease ran out back in the queue, to be claimed again as their next attempt.</summary>
    public async Task<int> RescueExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
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
}
