using Npgsql;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>A job as the admin pages show it.</summary>
public sealed record JobView(long Id, Guid? TenantId, string Kind, string State, int Attempt, int MaxAttempts,
    DateTimeOffset RunAt, string? LastError, DateTimeOffset UpdatedAt);

/// <summary>Reads one job by id, whatever its clinic (tests and tools; the dashboard reads through <see cref="JobDashboardQueries"/>).</summary>
public sealed class JobStore(Database database)
{
    private const string Columns = "id, tenant_id, kind, state, attempt, max_attempts, run_at, last_error, updated_at";

    public async Task<JobView?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.App.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM jobs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
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
