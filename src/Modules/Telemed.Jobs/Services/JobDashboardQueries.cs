using Npgsql;
using Telemed.Core.Data;

namespace Telemed.Jobs.Services;

/// <summary>
/// What the jobs dashboard reads: counts, the last hour's throughput, the queue's health, the filtered list
/// and one job with its attempts. Everything is read within a <see cref="JobScope"/>.
/// </summary>
public sealed class JobDashboardQueries(Database database)
{
    private const string Columns = "id, tenant_id, kind, state, attempt, max_attempts, run_at, last_error, created_at, updated_at, finished_at";

    public async Task<JobCounts> CountAsync(JobScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await scope.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT kind, {JobStatus.KeySql} AS status, count(*) FROM {scope.Jobs} GROUP BY 1, 2 ORDER BY 1", connection);
        var byStatus = new Dictionary<string, long>();
        var byKind = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (kind, status, count) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
            byStatus[status] = byStatus.GetValueOrDefault(status) + count;
            if (!byKind.TryGetValue(kind, out var counts))
            {
                byKind[kind] = counts = [];
            }
            counts[status] = count;
        }
        return new JobCounts(byStatus, byKind.Select(k => new KindCounts(k.Key, k.Value)).ToList());
    }

    /// <summary>Per minute over the last hour: jobs that succeeded, and attempts that failed.</summary>
    public async Task<Throughput> ThroughputAsync(JobScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await scope.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH bounds AS (SELECT date_trunc('minute', now()) - interval '59 minutes' AS since),
            minutes AS (SELECT generate_series(since, since + interval '59 minutes', interval '1 minute') AS minute FROM bounds),
            done AS (SELECT date_trunc('minute', finished_at) AS minute, count(*) AS n FROM {scope.Jobs}, bounds
                     WHERE state = 'succeeded' AND finished_at >= since GROUP BY 1),
            failed AS (SELECT date_trunc('minute', finished_at) AS minute, count(*) AS n FROM {scope.Attempts}, bounds
                       WHERE finished_at >= since GROUP BY 1)
            SELECT m.minute, COALESCE(d.n, 0), COALESCE(f.n, 0)
            FROM minutes m LEFT JOIN done d USING (minute) LEFT JOIN failed f USING (minute)
            ORDER BY m.minute
            """, connection);
        var minutes = new List<ThroughputMinute>(60);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            minutes.Add(new ThroughputMinute(reader.GetFieldValue<DateTimeOffset>(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2)));
        }
        return new Throughput(minutes);
    }

    /// <summary>How many jobs failed for good, and since when the oldest due job has been waiting.</summary>
    public async Task<QueueHealth> HealthAsync(JobScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await scope.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT now(),
              (SELECT count(*) FROM {scope.Jobs} WHERE state = 'dead'),
              (SELECT min(run_at) FROM {scope.Jobs} WHERE state IN ('available', 'retrying') AND run_at <= now())
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new QueueHealth(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    /// <summary>One page of jobs matching <paramref name="filter"/>, newest first.</summary>
    public async Task<JobPage> ListAsync(JobScope scope, JobFilter filter, int pageSize, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, filter.Page);
        await using var connection = await scope.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var conditions = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            conditions.Add("kind = @kind");
            command.Parameters.AddWithValue("kind", filter.Kind.Trim());
        }
        if (filter.Status is { } status)
        {
            conditions.Add($"({status.Condition})");
        }
        if (scope.IsPlatform && filter.Clinic == JobFilter.PlatformClinic)
        {
            conditions.Add("tenant_id IS NULL");
        }
        else if (scope.IsPlatform && Guid.TryParse(filter.Clinic, out var clinic))
        {
            conditions.Add("tenant_id = @clinic");
            command.Parameters.AddWithValue("clinic", clinic);
        }
        if (!string.IsNullOrWhiteSpace(filter.Appointment))
        {
            // Appointment ids and slot keys sit in the payload of the jobs that concern them (events, meeting syncs).
            conditions.Add(@"payload::text ILIKE @payload ESCAPE '\'");
            command.Parameters.AddWithValue("payload", "%" + EscapeLike(filter.Appointment.Trim()) + "%");
        }
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"SELECT {Columns}, now() FROM {scope.Jobs} {where} ORDER BY id DESC LIMIT @take OFFSET @skip";
        command.Parameters.AddWithValue("take", pageSize + 1);
        command.Parameters.AddWithValue("skip", (long)(page - 1) * pageSize);
        var jobs = new List<JobSummary>(pageSize + 1);
        DateTimeOffset? now = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                jobs.Add(ReadSummary(reader));
                now ??= reader.GetFieldValue<DateTimeOffset>(11);
            }
        }
        var hasMore = jobs.Count > pageSize;
        return new JobPage(hasMore ? jobs[..pageSize] : jobs, page, pageSize, hasMore, now ?? DateTimeOffset.UtcNow);
    }

    /// <summary>One job of the scope with its attempts, or null when the scope has no such job.</summary>
    public async Task<JobDetails?> FindAsync(JobScope scope, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await scope.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns}, now(), payload::text, unique_key, locked_by, lease_until FROM {scope.Jobs} WHERE id = @id;
            SELECT attempt, outcome, error, worker, started_at, finished_at FROM {scope.Attempts} WHERE job_id = @id ORDER BY attempt, id;
            """, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var job = ReadSummary(reader);
        var now = reader.GetFieldValue<DateTimeOffset>(11);
        var payload = reader.GetString(12);
        var uniqueKey = reader.IsDBNull(13) ? null : reader.GetString(13);
        var lockedBy = reader.IsDBNull(14) ? null : reader.GetString(14);
        DateTimeOffset? leaseUntil = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15);
        await reader.NextResultAsync(cancellationToken);
        var attempts = new List<JobAttempt>();
        while (await reader.ReadAsync(cancellationToken))
        {
            attempts.Add(new JobAttempt(reader.GetInt32(0), reader.GetString(1) == "dead" ? AttemptResult.FailedFinal : AttemptResult.FailedRetried,
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), Recorded: true));
        }
        AddDerivedAttempt(attempts, job, lockedBy, now);
        return new JobDetails(job, payload, uniqueKey, lockedBy, leaseUntil, attempts, now);
    }

    /// <summary>The live (waiting, running or retrying) jobs holding these unique keys, by key.</summary>
    public async Task<IReadOnlyDictionary<string, JobSummary>> FindLiveByUniqueKeyAsync(JobScope scope, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, JobSummary>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }
        await using var connection = await scope.OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns}, unique_key FROM {scope.Jobs}
            WHERE unique_key = ANY(@keys) AND state IN ('available', 'running', 'retrying')
            """, connection);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(11)] = ReadSummary(reader);
        }
        return found;
    }

    /// <summary>
    /// The attempt the job row itself tells of: the one running now, the one that succeeded (its start is not
    /// kept), or the last failure of a job from before attempts were recorded.
    /// </summary>
    private static void AddDerivedAttempt(List<JobAttempt> attempts, JobSummary job, string? lockedBy, DateTimeOffset now)
    {
        if (job.Attempt == 0 || attempts.Any(a => a.Number == job.Attempt))
        {
            return;
        }
        var status = job.StatusAt(now);
        if (status == JobStatus.Running)
        {
            attempts.Add(new JobAttempt(job.Attempt, AttemptResult.Running, null, lockedBy, job.UpdatedAt, null, Recorded: false));
        }
        else if (status == JobStatus.Succeeded)
        {
            attempts.Add(new JobAttempt(job.Attempt, AttemptResult.Succeeded, null, lockedBy, null, job.FinishedAt, Recorded: false));
        }
        else if (job.LastError is not null && status != JobStatus.Cancelled)
        {
            // Failed (or failed and was since given another go); when exactly is known only while it has not moved on.
            var result = status == JobStatus.Failed ? AttemptResult.FailedFinal : AttemptResult.FailedRetried;
            var ended = status == JobStatus.Failed || status == JobStatus.Retrying ? job.UpdatedAt : (DateTimeOffset?)null;
            attempts.Add(new JobAttempt(job.Attempt, result, job.LastError, lockedBy, null, ended, Recorded: false));
        }
    }

    private static JobSummary ReadSummary(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
        reader.GetInt32(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9),
        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10));

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
