using Microsoft.Extensions.Caching.Memory;

namespace Telemed.Core.Security;

/// <summary>
/// Counts attempts per account (an e-mail at a clinic) within a window, so guessing one account's password or
/// flooding one inbox is slowed whichever clients the attempts come from. Per node: each node slows on its own,
/// and sign-in lockout itself is stored with the user.
/// </summary>
public sealed class AttemptThrottle(TimeProvider clock)
{
    private readonly MemoryCache _counts = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Whether the key has used all <paramref name="permits"/> of its window.</summary>
    public bool IsExhausted(string bucket, string key, int permits) =>
        _counts.TryGetValue(CacheKey(bucket, key), out Counter? counter) && counter!.Count >= permits;

    /// <summary>Counts one attempt; false when it goes past <paramref name="permits"/> in the window that began with the first.</summary>
    public bool TryAcquire(string bucket, string key, int permits, TimeSpan window)
    {
        var counter = _counts.GetOrCreate(CacheKey(bucket, key), entry =>
        {
            entry.AbsoluteExpiration = clock.GetUtcNow() + window;
            entry.Size = 1;
            return new Counter();
        })!;
        return Interlocked.Increment(ref counter.Count) <= permits;
    }

    public void Reset(string bucket, string key) => _counts.Remove(CacheKey(bucket, key));

    private static string CacheKey(string bucket, string key) => $"{bucket}\n{key.Trim().ToUpperInvariant()}";

    private sealed class Counter
    {
        public int Count;
    }
}
