namespace Telemed.Api.Webhooks;

/// <summary>How webhooks are delivered (<c>Webhooks:*</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Endpoints may be http:// and on loopback (127.0.0.1, ::1, localhost, *.localhost): for a receiver on the developer's
    /// machine and for tests. Other private addresses are never allowed. Development hosts allow loopback as well.
    /// </summary>
    public bool AllowLoopback { get; set; }

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts of one delivery. With the default backoff, 8 attempts span about 22 hours.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; each later wait is four times the one before, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Deliveries in a row that fail for good (every attempt) before the endpoint is turned off and the admins told.</summary>
    public int DisableAfterFailures { get; set; } = 20;

    /// <summary>How much of an endpoint's answer is kept in the delivery log (characters).</summary>
    public int ResponseBodyLimit { get; set; } = 2048;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: 1 min, 4, 16, 64, 256 min, then 8 h (±10%).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(RetryBase.TotalSeconds * Math.Pow(4, Math.Max(0, attempt - 1)), RetryMax.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.9 + (Random.Shared.NextDouble() * 0.2)));
    }
}
