using System.Data.Common;

namespace Telemed.Core.Jobs;

/// <summary>
/// A job to run later, durably. <see cref="Kind"/> names the handler; the payload is JSON.
/// A <see cref="UniqueKey"/> makes a second enqueue a no-op while the first is still pending or running.
/// </summary>
public sealed record JobRequest(string Kind, string PayloadJson = "{}")
{
    public Guid? TenantId { get; init; }
    public DateTimeOffset? RunAt { get; init; }
    public string? UniqueKey { get; init; }
    public int? MaxAttempts { get; init; }
}

/// <summary>The durable job queue in PostgreSQL.</summary>
public interface IJobQueue
{
    /// <summary>
    /// Enqueues inside the caller's transaction when one is given: the job exists only if that
    /// transaction commits. Returns the job id, or null when the unique key already had a live job.
    /// </summary>
    Task<long?> EnqueueAsync(JobRequest job, DbConnection? connection = null, DbTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enqueues many jobs in one statement (imports, fan-out to many appointments), inside the caller's transaction
    /// when one is given, and wakes the workers once. A job whose unique key already has a live job is skipped,
    /// as with <see cref="EnqueueAsync"/>. Returns how many jobs were enqueued.
    /// </summary>
    Task<int> EnqueueManyAsync(IReadOnlyList<JobRequest> jobs, DbConnection? connection = null, DbTransaction? transaction = null, CancellationToken cancellationToken = default);
}

/// <summary>The outcome a handler can ask for instead of success.</summary>
public sealed class RetryJobLaterException(string message, DateTimeOffset? notBefore = null) : Exception(message)
{
    /// <summary>The earliest time to try again (a provider's Retry-After, say); backoff applies when null.</summary>
    public DateTimeOffset? NotBefore { get; } = notBefore;
}

/// <summary>A failure that retrying cannot fix: the job goes straight to dead.</summary>
public sealed class PermanentJobFailureException(string message) : Exception(message);

/// <summary>What a running job knows about itself.</summary>
public sealed record JobContext(long Id, string Kind, string PayloadJson, Guid? TenantId, int Attempt, int MaxAttempts);

/// <summary>Runs jobs of one kind. Resolved in a scope whose tenant is the job's tenant.</summary>
public interface IJobHandler
{
    Task ExecuteAsync(JobContext job, CancellationToken cancellationToken);
}
