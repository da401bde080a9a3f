namespace Telemed.Jobs.Services;

/// <summary>A job as a dashboard row shows it.</summary>
public sealed record JobSummary(long Id, Guid? TenantId, string Kind, string State, int Attempt, int MaxAttempts,
    DateTimeOffset RunAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt)
{
    public JobStatus StatusAt(DateTimeOffset now) => JobStatus.Of(State, RunAt, now);
}

/// <summary>One job with what its detail page shows: the payload, the lease and every recorded attempt.</summary>
public sealed record JobDetails(JobSummary Job, string PayloadJson, string? UniqueKey, string? LockedBy, DateTimeOffset? LeaseUntil,
    IReadOnlyList<JobAttempt> Attempts, DateTimeOffset Now)
{
    public JobStatus Status => Job.StatusAt(Now);
}

/// <summary>How one attempt ended, or that it is still running.</summary>
public enum AttemptResult
{
    /// <summary>Failed, and the job was given another attempt.</summary>
    FailedRetried,
    /// <summary>Failed with no attempts left (or a failure retrying cannot fix).</summary>
    FailedFinal,
    Running,
    Succeeded,
}

/// <summary>
/// One attempt: failed ones are recorded as they fail; the attempt running now, or the one that succeeded, is
/// read from the job itself (<see cref="Recorded"/> false), as are failures from before attempts were recorded.
/// </summary>
public sealed record JobAttempt(int Number, AttemptResult Result, string? Error, string? Worker, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, bool Recorded)
{
    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end && end >= start ? end - start : null;

    public string Label => Result switch
    {
        AttemptResult.FailedRetried => "Failed, to be retried",
        AttemptResult.FailedFinal => "Failed, no retry left",
        AttemptResult.Running => "Running",
        _ => "Succeeded",
    };

    /// <summary>The pill's CSS class, shared with the job statuses.</summary>
    public string Css => Result switch
    {
        AttemptResult.FailedRetried => JobStatus.Retrying.Css,
        AttemptResult.FailedFinal => JobStatus.Failed.Css,
        AttemptResult.Running => JobStatus.Running.Css,
        _ => JobStatus.Succeeded.Css,
    };
}

/// <summary>How many jobs are in each status, overall and per kind (keys are <see cref="JobStatus.Key"/>).</summary>
public sealed record JobCounts(IReadOnlyDictionary<string, long> ByStatus, IReadOnlyList<KindCounts> ByKind)
{
    public long Total => ByStatus.Values.Sum();

    public long this[JobStatus status] => ByStatus.GetValueOrDefault(status.Key);
}

public sealed record KindCounts(string Kind, IReadOnlyDictionary<string, long> ByStatus)
{
    public long Total => ByStatus.Values.Sum();

    public long this[JobStatus status] => ByStatus.GetValueOrDefault(status.Key);
}

/// <summary>Jobs that finished in one minute: succeeded, and attempts that failed (retrying or dead).</summary>
public sealed record ThroughputMinute(DateTimeOffset Start, int Succeeded, int Failed)
{
    public int Total => Succeeded + Failed;
}

/// <summary>The last hour, minute by minute, oldest first; the last minute is the one in progress.</summary>
public sealed record Throughput(IReadOnlyList<ThroughputMinute> Minutes)
{
    public int Succeeded => Minutes.Sum(m => m.Succeeded);
    public int Failed => Minutes.Sum(m => m.Failed);
    public int Peak => Minutes.Count == 0 ? 0 : Minutes.Max(m => m.Total);
}

/// <summary>Whether anyone should look: failed jobs, and how long the oldest due job has waited.</summary>
public sealed record QueueHealth(DateTimeOffset Now, long Failed, DateTimeOffset? OldestDue)
{
    public TimeSpan Lag => OldestDue is { } due && due < Now ? Now - due : TimeSpan.Zero;

    public bool IsLate(TimeSpan threshold) => Lag > threshold;
}

/// <summary>What the job list is narrowed to. <see cref="Clinic"/> is a clinic id, "platform" (jobs of no clinic) or empty.</summary>
public sealed record JobFilter(string? Kind = null, JobStatus? Status = null, string? Clinic = null, string? Appointment = null, int Page = 1)
{
    public const string PlatformClinic = "platform";
}

/// <summary>A page of the job list, newest first.</summary>
public sealed record JobPage(IReadOnlyList<JobSummary> Jobs, int Page, int PageSize, bool HasMore, DateTimeOffset Now);
