using Npgsql;
using NpgsqlTypes;
using Telemed.Core.Data;

namespace Telemed.Testing;

/// <summary>A job row as a test wants it to be (state, attempts, times), written straight into the queue.</summary>
public sealed record SeedJob(string Kind, string State = "available")
{
    public Guid? TenantId { get; init; }
    public string Payload { get; init; } = "{}";
    public int Attempt { get; init; }
    public int MaxAttempts { get; init; } = 8;
    public string? LastError { get; init; }

    /// <summary>When it is (or was) due, from now: negative is in the past.</summary>
    public TimeSpan RunIn { get; init; }

    /// <summary>How long ago it finished; null leaves it unfinished.</summary>
    public TimeSpan? FinishedAgo { get; init; }
}

/// <summary>
/// Puts jobs in any state into the queue for the dashboard's tests, as the workers would have left them; a host
/// started with <c>Jobs:Workers=0</c> leaves them as they are.
/// </summary>
public static class SeededJobs
{
    public static async Task<long> InsertAsync(TestHost host, SeedJob job)
    {
        await using var connection = await host.GetRequiredService<Database>().OpenAsync((Guid?)null);
        await using var command = new NpgsqlCommand("""
            INSERT INTO jobs (tenant_id, kind, payload, state, attempt, max_attempts, run_at, last_error, finished_at)
            VALUES (@tenant, @kind, @payload, @state, @attempt, @max, now() + @run_in, @error, now() - @finished_ago)
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("tenant", NpgsqlDbType.Uuid, (object?)job.TenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", job.Kind);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, job.Payload);
        command.Parameters.AddWithValue("state", job.State);
        command.Parameters.AddWithValue("attempt", job.Attempt);
        command.Parameters.AddWithValue("max", job.MaxAttempts);
        command.Parameters.AddWithValue("run_in", job.RunIn);
        command.Parameters.AddWithValue("error", NpgsqlDbType.Text, (object?)job.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("finished_ago", NpgsqlDbType.Interval, (object?)job.FinishedAgo ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A job that failed for good after <paramref name="attempts"/> attempts with <paramref name="error"/>.</summary>
    public static Task<long> InsertDeadAsync(TestHost host, Guid? tenantId, string kind, string error, int attempts = 3, string payload = "{}") =>
        InsertAsync(host, new SeedJob(kind, "dead")
        {
            TenantId = tenantId, Attempt = attempts, MaxAttempts = attempts, LastError = error, FinishedAgo = TimeSpan.FromMinutes(1), Payload = payload,
        });

    /// <summary>The job's queue state, or null once it is deleted.</summary>
    public static async Task<string?> StateAsync(TestHost host, long id)
    {
        await using var connection = await host.GetRequiredService<Database>().OpenAsync((Guid?)null);
        await using var command = new NpgsqlCommand("SELECT state FROM jobs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string?)await command.ExecuteScalarAsync();
    }
}
