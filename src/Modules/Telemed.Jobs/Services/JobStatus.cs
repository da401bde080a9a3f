namespace Telemed.Jobs.Services;

/// <summary>
/// A job's state in the words the dashboard uses. The queue's <c>available</c> state reads as "Waiting" when the
/// job is due and "Scheduled" when its time has not come; <c>dead</c> reads as "Failed".
/// </summary>
public sealed record JobStatus(string Key, string Label, string Description)
{
    public static readonly JobStatus Waiting = new("waiting", "Waiting", "Due now and waiting for a worker.");
    public static readonly JobStatus Scheduled = new("scheduled", "Scheduled", "Will run at its set time.");
    public static readonly JobStatus Running = new("running", "Running", "A worker is running it now.");
    public static readonly JobStatus Retrying = new("retrying", "Will retry", "Its last attempt failed; it tries again by itself.");
    public static readonly JobStatus Failed = new("failed", "Failed", "Stopped after its last attempt failed. Retry it once the cause is fixed.");
    public static readonly JobStatus Succeeded = new("succeeded", "Succeeded", "Finished without error.");
    public static readonly JobStatus Cancelled = new("cancelled", "Cancelled", "Cancelled before it ran; it will not run.");

    public static IReadOnlyList<JobStatus> All { get; } = [Waiting, Scheduled, Running, Retrying, Failed, Succeeded, Cancelled];

    /// <summary>The CSS class of the status pill.</summary>
    public string Css => $"status-{Key}";

    /// <summary>Statuses a job can be retried from, cancelled from, deleted in.</summary>
    public bool CanRetry => this == Failed || this == Retrying;

    public bool CanCancel => this == Waiting || this == Scheduled || this == Retrying;

    public bool CanDelete => this == Succeeded || this == Failed || this == Cancelled;

    public static JobStatus? Find(string? key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The status of a job in queue state <paramref name="state"/> due at <paramref name="runAt"/>, seen at <paramref name="now"/>.</summary>
    public static JobStatus Of(string state, DateTimeOffset runAt, DateTimeOffset now) => state switch
    {
        "available" => runAt > now ? Scheduled : Waiting,
        "running" => Running,
        "retrying" => Retrying,
        "dead" => Failed,
        "succeeded" => Succeeded,
        "cancelled" => Cancelled,
        _ => new JobStatus(state, state, ""),
    };

    /// <summary>The SQL condition that selects jobs in this status (columns of the jobs table, no parameters).</summary>
    internal string Condition => Key switch
    {
        "waiting" => "state = 'available' AND run_at <= now()",
        "scheduled" => "state = 'available' AND run_at > now()",
        "failed" => "state = 'dead'",
        _ => $"state = '{Key}'",
    };

    /// <summary>The SQL expression that names a row's status key, as <see cref="Of"/> does.</summary>
    internal const string KeySql = """
        CASE WHEN state = 'available' AND run_at > now() THEN 'scheduled'
             WHEN state = 'available' THEN 'waiting'
             WHEN state = 'dead' THEN 'failed'
             ELSE state END
        """;
}
