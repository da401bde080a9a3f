namespace Telemed.Jobs.Services;

/// <summary>Queue settings, bound from the <c>Jobs</c> configuration section.</summary>
public sealed class JobOptions
{
    /// <summary>Concurrent workers in this process; 0 makes a node that enqueues but never runs jobs.</summary>
    public int Workers { get; set; } = 2;

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
