namespace Telemed.Jobs.Services;

/// <summary>Queue settings, bound from the <c>Jobs</c> configuration section.</summary>
public sealed class JobOptions
{
    /// <summary>
    /// Jobs this process runs at once; 0 makes a node that enqueues but never runs jobs. Jobs mostly wait on
    /// providers (Zoom, mail, SMS), so a few per core; few enough to leave most of the connection pool to pages.
    /// </summary>
    public int Workers { get; set; } = Math.Clamp(Environment.ProcessorCount * 4, 4, 16);

    /// <summary>
    /// Jobs a node claims beyond its free workers (default: four per worker), so that a worker finishing a job
    /// finds the next one here instead of waiting for a claim, and a claim carries a batch worth its round trip.
    /// They wait in this node, their leases kept alive, until a worker is free. On this product's short jobs the
    /// default runs about four times as many jobs a second as one per worker; a node whose jobs are long and
    /// uneven may lower it, so that idle nodes are not kept from jobs a busy one holds.
    /// </summary>
    public int? ClaimAhead { get; set; }

    public int EffectiveClaimAhead => Math.Max(0, ClaimAhead ?? Workers * 4);

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long finished jobs stay visible before the hourly clean-up removes them.</summary>
    public TimeSpan RetainFinished { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Exponential backoff with ±20% jitter, so retries of many failed jobs spread out.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponential = BackoffBase.TotalSeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, BackoffMax.TotalSeconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(capped * jitter);
    }
}
