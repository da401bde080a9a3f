using System.Threading.Channels;

namespace Telemed.Jobs.Services;

/// <summary>
/// The jobs a node holds between claim and outcome: room for its workers plus the jobs it claims ahead, and the
/// claimed jobs waiting for a worker. The claim loop claims when the waiting jobs run low (half a worker each or
/// fewer), taking all the room there is then, so that a claim carries a batch worth its round trip while no
/// worker waits for it.
/// </summary>
public sealed class ClaimedJobs(int workers, int claimAhead) : IDisposable
{
    private readonly SemaphoreSlim _room = new(workers + claimAhead, workers + claimAhead);
    private readonly SemaphoreSlim _runningLow = new(0, 1);
    private readonly Channel<ClaimedJob> _waiting = Channel.CreateUnbounded<ClaimedJob>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly int _lowWater = workers / 2;

    public int Capacity => workers + claimAhead;

    /// <summary>Waits until the waiting jobs run low and there is room, then reserves all the room there is.</summary>
    public async Task<int> ReserveRoomAsync(CancellationToken cancellationToken)
    {
        while (_waiting.Reader.Count > _lowWater)
        {
            await _runningLow.WaitAsync(cancellationToken);
        }
        await _room.WaitAsync(cancellationToken);
        var reserved = 1;
        while (_room.Wait(0))
        {
            reserved++;
        }
        return reserved;
    }

    /// <summary>Gives back room reserved for jobs that were not claimed, or held by a job now finished.</summary>
    public void Release(int count = 1)
    {
        if (count > 0)
        {
            _room.Release(count);
        }
    }

    public void Add(ClaimedJob job) => _waiting.Writer.TryWrite(job);

    /// <summary>No more jobs will be added; workers take the waiting ones, then stop.</summary>
    public void Close() => _waiting.Writer.TryComplete();

    /// <summary>The next waiting job for a worker, or null once closed and empty.</summary>
    public async ValueTask<ClaimedJob?> NextAsync()
    {
        while (await _waiting.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (_waiting.Reader.TryRead(out var job))
            {
                if (_waiting.Reader.Count <= _lowWater && _runningLow.CurrentCount == 0)
                {
                    try { _runningLow.Release(); } catch (SemaphoreFullException) { }
                }
                return job;
            }
        }
        return null;
    }

    public void Dispose()
    {
        _room.Dispose();
        _runningLow.Dispose();
    }
}
