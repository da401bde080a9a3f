using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>What became of one attempt: succeeded, retrying (at <see cref="RunAt"/>), dead, or available again (handed back).</summary>
public sealed record JobOutcome(long Id, Guid LeaseToken, string State, string? Error = null, DateTimeOffset? RunAt = null, bool CountsAsAttempt = true)
{
    /// <summary>Shutting down: the job goes back to the queue at once, without spending an attempt, for another node to take.</summary>
    public static JobOutcome HandedBack(ClaimedJob job) =>
        new(job.Context.Id, job.LeaseToken, "available", "Interrupted by shutdown.", DateTimeOffset.UtcNow, CountsAsAttempt: false);
}

/// <summary>
/// Writes outcomes in batches: everything that finished while the previous batch was being written goes into
/// the next single UPDATE and commit, so a busy node commits once per batch rather than once per job while an
/// idle node still writes each outcome at once. Commits stay synchronous: an outcome lost in a crash would make
/// its job run again. Only the lease holder's outcome is written (the lease token must still match).
/// </summary>
public sealed class JobCompleter(Database database, HeldLeases held, ILogger<JobCompleter> logger)
{
    public const int MaxBatch = 1000;

    private const string CompleteSql = """
        UPDATE jobs j SET state = o.state, last_error = COALESCE(o.error, j.last_error), run_at = COALESCE(o.run_at, j.run_at),
          attempt = j.attempt - o.uncount, lease_until = NULL, lease_token = NULL, updated_at = now(),
          finished_at = CASE WHEN o.state IN ('succeeded', 'dead') THEN now() END
        FROM unnest(@ids, @tokens, @states, @errors, @run_ats, @uncounts) AS o(id, token, state, error, run_at, uncount)
        WHERE j.id = o.id AND j.lease_token = o.token
        RETURNING j.id
        """;

    // Bounded, so a database that cannot keep up slows the claiming (workers wait here) instead of piling up leases.
    private readonly Channel<JobOutcome> _outcomes = Channel.CreateBounded<JobOutcome>(
        new BoundedChannelOptions(4 * MaxBatch) { SingleReader = true });

    /// <summary>Queues an outcome for the next batch. Not cancellable: a finished job's outcome must not be dropped.</summary>
    public ValueTask CompleteAsync(JobOutcome outcome) => _outcomes.Writer.WriteAsync(outcome, CancellationToken.None);

    /// <summary>No more outcomes will come; <see cref="RunAsync"/> ends once the queued ones are written.</summary>
    public void CompleteAdding() => _outcomes.Writer.TryComplete();

    /// <param name="stoppingToken">Once stopping, a batch the database refuses is retried a few times, not forever.</param>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<JobOutcome>(MaxBatch);
        while (await _outcomes.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _outcomes.Reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }
            await WriteWithRetriesAsync(batch, stoppingToken);
        }
    }

    /// <summary>Writes the outcomes in one statement; returns the ids written (the others had lost their lease).</summary>
    public async Task<IReadOnlySet<long>> WriteAsync(IReadOnlyList<JobOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(CompleteSql, connection);
        command.Parameters.AddWithValue("ids", outcomes.Select(o => o.Id).ToArray());
        command.Parameters.AddWithValue("tokens", outcomes.Select(o => o.LeaseToken).ToArray());
        command.Parameters.AddWithValue("states", outcomes.Select(o => o.State).ToArray());
        command.Parameters.AddWithValue("errors", NpgsqlDbType.Array | NpgsqlDbType.Text, outcomes.Select(o => o.Error).ToArray());
        command.Parameters.AddWithValue("run_ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, outcomes.Select(o => o.RunAt?.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("uncounts", outcomes.Select(o => o.CountsAsAttempt ? 0 : 1).ToArray());
        await command.PrepareAsync(cancellationToken);
        var written = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            written.Add(reader.GetInt64(0));
        }
        return written;
    }

    private async Task WriteWithRetriesAsync(IReadOnlyList<JobOutcome> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var written = await WriteAsync(batch);
                foreach (var outcome in batch.Where(o => !written.Contains(o.Id)))
                {
                    logger.LogWarning("Job {Id} was taken over by another worker after its lease expired; this outcome ({State}) is discarded", outcome.Id, outcome.State);
                }
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested || attempt < 3)
            {
                // The leases are still held (the heartbeat keeps them), so writing later is still safe.
                logger.LogError(exception, "Could not write the outcomes of {Count} jobs; trying again", batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Gave up writing the outcomes of {Count} jobs at shutdown; they will run again once their lease expires", batch.Count);
                break;
            }
        }
        foreach (var outcome in batch)
        {
            held.Release(outcome.Id, outcome.LeaseToken);
        }
    }
}
