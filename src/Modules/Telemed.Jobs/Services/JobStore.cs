using Npgsql;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>A job as the admin pages show it.</summary>
public sealed record JobView(long Id, Guid? TenantId, string Kind, string State, int Attempt, int MaxAttempts,
    DateTimeOffset RunAt, string? LastError, DateTimeOffset UpdatedAt);

/// <summary>Reads and resets jobs for the admin pages. A clinic only ever sees its own jobs.</summary>
public sealed class JobStore(Database database, Microsoft.Extensions.Options.IOptions<JobOptions> options)
{
    private const string Columns = "id, tenant_id, kind, state, attempt, max_attempts, run_at, last_error, updated_at";

    /// <summary>Failed (retrying) and dead jobs, newest first; <paramref name="tenantId"/> null means every clinic.</summary>
    public async Task<IReadOnlyList<JobView>> ListProblemsAsync(Guid? tenantId, int take = 200, CancellationToken cancellationToken = default)
    {
        var filter = tenantId is null ? "" : "AND tenant_id = @tenant";
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM jobs
            WHERE (state = 'dead' OR (state = 'retrying') OR (state = 'running' AND attempt > 1)) {filter}
            ORDER BY updated_at DESC LIMIT @take
            """, connection);
        if (tenantId is { } tenant)
        {
            command.Parameters.AddWithValue("tenant", tenant);
        }
        command.Parameters.AddWithValue("take", take);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(Guid? tenantId, CancellationToken cancellationToken = default)
    {
        var filter = tenantId is null ? "" : "WHERE tenant_id = @tenant";
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT state, count(*) FROM jobs {filter} GROUP BY state", connection);
        if (tenantId is { } tenant)
        {
            command.Parameters.AddWithValue("tenant", tenant);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    public async Task<JobView?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM jobs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>
    /// Gives a failed or dead job a fresh set of attempts, now; the attempt count keeps counting so the
    /// history stays visible. Returns false when it is not failed (or not this clinic's).
    /// </summary>
    public async Task<bool> RetryAsync(long id, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        var filter = tenantId is null ? "" : "AND tenant_id = @tenant";
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE jobs SET state = 'available', max_attempts = attempt + @fresh, run_at = now(), updated_at = now(), finished_at = NULL
            WHERE id = @id AND state IN ('dead', 'retrying') {filter}
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("fresh", options.Value.MaxAttempts);
        if (tenantId is { } tenant)
        {
            command.Parameters.AddWithValue("tenant", tenant);
        }
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{JobQueue.Channel}', '')", connection);
        await notify.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    private static async Task<IReadOnlyList<JobView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<JobView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new JobView(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return jobs;
    }
}
