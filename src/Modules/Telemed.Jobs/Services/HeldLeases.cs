using System.Collections.Concurrent;

namespace Telemed.Jobs.Services;

/// <summary>
/// The leases this node holds: a job from its claim until its outcome is written (or found taken over).
/// The heartbeat extends them all in one statement, whether the job is running or its outcome is queued.
/// </summary>
public sealed class HeldLeases
{
    private readonly ConcurrentDictionary<long, Guid> _leases = new();

    public int Count => _leases.Count;

    public void Hold(ClaimedJob job) => _leases[job.Context.Id] = job.LeaseToken;

    public void Release(long jobId, Guid leaseToken) => _leases.TryRemove(KeyValuePair.Create(jobId, leaseToken));

    public KeyValuePair<long, Guid>[] Snapshot() => _leases.ToArray();
}
