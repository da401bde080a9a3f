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

    private const string OnLiveUniqueKeyDoNothing =
        "ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN ('available', 'running', 'retrying') DO NOTHING";

    private const string InsertSql = $"""
        INSERT INTO jobs (tenant_id, kind, payload, max_attempts, run_at, unique_key)
        VALUES (@tenant, @kind, @payload, @max, COALESCE(@run_at, now()), @unique)
        {OnLiveUniqueKeyDoNothing}
        RETURNING id;
        """;

    private const string InsertManySql = $"""
        INSERT INTO jobs (tenant_id, kind, payload, max_attempts, run_at, unique_key)
        SELECT r.tenant, r.kind, r.payload::jsonb, r.max, COALESCE(r.run_at, now()), r.unique_key
        FROM unnest(@tenants, @kinds, @payloads, @maxes, @run_ats, @unique_keys) AS r(tenant, kind, payload, max, run_at, unique_key)
        {OnLiveUniqueKeyDoNothing};
        """;

    private const string NotifySql = $"SELECT pg_notify('{Channel}', '')";

    public Task<long?> EnqueueAsync(JobRequest job, DbConnection? connection = null, DbTransaction? transaction = null, CancellationToken cancellationToken = default) =>
        InCallersTransactionAsync(connection, transaction, (c, t) => InsertAsync(c, t, job, cancellationToken), cancellationToken);

    public Task<int> EnqueueManyAsync(IReadOnlyList<JobRequest> jobs, DbConnection? connection = null, DbTransaction? transaction = null, CancellationToken cancellationToken = default) =>
        jobs.Count == 0
            ? Task.FromResult(0)
            : InCallersTransactionAsync(connection, transaction, (c, t) => InsertManyAsync(c, t, jobs, cancellationToken), cancellationToken);

    private async Task<T> InCallersTransactionAsync<T>(DbConnection? connection, DbTransaction? transaction,
        Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> insert, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            await using var own = await database.App.OpenConnectionAsync(cancellationToken);
            return await insert(own, null);
        }
        return await insert((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
    }

    private async Task<long?> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, JobRequest job, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(InsertSql);
        insert.Parameters.AddWithValue("tenant", NpgsqlDbType.Uuid, (object?)job.TenantId ?? DBNull.Value);
        insert.Parameters.AddWithValue("kind", job.Kind);
        insert.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, job.PayloadJson);
        insert.Parameters.AddWithValue("max", job.MaxAttempts ?? options.Value.MaxAttempts);
        insert.Parameters.AddWithValue("run_at", NpgsqlDbType.TimestampTz, (object?)job.RunAt?.UtcDateTime ?? DBNull.Value);
        insert.Parameters.AddWithValue("unique", NpgsqlDbType.Text, (object?)job.UniqueKey ?? DBNull.Value);
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(NotifySql));
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
    }

    private async Task<int> InsertManyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<JobRequest> jobs, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(InsertManySql);
        insert.Parameters.AddWithValue("tenants", NpgsqlDbType.Array | NpgsqlDbType.Uuid, jobs.Select(j => j.TenantId).ToArray());
        insert.Parameters.AddWithValue("kinds", jobs.Select(j => j.Kind).ToArray());
        insert.Parameters.AddWithValue("payloads", jobs.Select(j => j.PayloadJson).ToArray());
        insert.Parameters.AddWithValue("maxes", jobs.Select(j => j.MaxAttempts ?? options.Value.MaxAttempts).ToArray());
        insert.Parameters.AddWithValue("run_ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, jobs.Select(j => j.RunAt?.UtcDateTime).ToArray());
        insert.Parameters.AddWithValue("unique_keys", NpgsqlDbType.Array | NpgsqlDbType.Text, jobs.Select(j => j.UniqueKey).ToArray());
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(NotifySql));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return insert.RecordsAffected;
    }
}
