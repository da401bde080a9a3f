using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Telemed.Core.Data;
using Telemed.Core.Jobs;

namespace Telemed.Jobs.Services;

/// <summary>
/// Inserts jobs. Given the caller's connection and transaction, the insert and its wake-up NOTIFY
/// belong to that transaction: rolled back, the job never existed and no worker was woken.
/// </summary>
public sealed class JobQueue(Database database, IOptions<JobOptions> options) : IJobQueue
{
    public const string Channel = "jobs";

    private const string InsertSql = $"""
        INSERT INTO jobs (tenant_id, kind, payload, max_attempts, run_at, unique_key)
        VALUES (@tenant, @kind, @payload, @max, COALESCE(@run_at, now()), @unique)
        ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN ('available', 'running', 'retrying') DO NOTHING
        RETURNING id;
        """;

    public async Task<long?> EnqueueAsync(JobRequest job, DbConnection? connection = null, DbTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        if (connection is null)
        {
            await using var own = await database.App.OpenConnectionAsync(cancellationToken);
            return await InsertAsync(own, null, job, cancellationToken);
        }
        return await InsertAsync((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction, job, cancellationToken);
    }

    /// <summary>Inserts many jobs in one statement (bulk imports, load runs) and wakes the workers once.</summary>
    public async Task<int> EnqueueManyAsync(string kind, IReadOnlyList<string> payloads, Guid? tenantId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO jobs (tenant_id, kind, payload, max_attempts)
            SELECT @tenant, @kind, p::jsonb, @max FROM unnest(@payloads) AS p;
            SELECT pg_notify('jobs', '');
            """, connection);
        command.Parameters.AddWithValue("tenant", (object?)tenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("max", options.Value.MaxAttempts);
        command.Parameters.AddWithValue("payloads", payloads.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return payloads.Count;
    }

    private async Task<long?> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, JobRequest job, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(InsertSql);
        insert.Parameters.AddWithValue("tenant", (object?)job.TenantId ?? DBNull.Value);
        insert.Parameters.AddWithValue("kind", job.Kind);
        insert.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, job.PayloadJson);
        insert.Parameters.AddWithValue("max", job.MaxAttempts ?? options.Value.MaxAttempts);
        insert.Parameters.AddWithValue("run_at", NpgsqlDbType.TimestampTz, (object?)job.RunAt ?? DBNull.Value);
        insert.Parameters.AddWithValue("unique", (object?)job.UniqueKey ?? DBNull.Value);
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_notify('{Channel}', '')"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
    }
}
