namespace Telemed.Sandbox.Faults;

/// <summary>A fault as the control endpoint receives it (snake_case JSON).</summary>
public sealed record FaultSpec
{
    /// <summary>User id or e-mail the fault applies to; null applies it to every account of the provider.</summary>
    public string? User { get; init; }

    public FaultKind Kind { get; init; }

    /// <summary>How many requests the fault affects. Defaults to 1, except random faults which last until cleared.</summary>
    public int? Count { get; init; }

    /// <summary>
    /// Status of an <see cref="FaultKind.Error"/> fault (default 500): 500 to 599, or from 400 for a provider that words
    /// client errors too (Google's 403 rate limits).
    /// </summary>
    public int? Status { get; init; }

    /// <summary>
    /// The provider's reason of an error fault, for providers whose errors carry one (Google: "rateLimitExceeded",
    /// "userRateLimitExceeded", "forbidden", "notFound", "backendError"); null derives it from the status.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>Retry-After of a rate-limit fault in seconds (default 1).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Send the 429 without Retry-After, as Zoom sometimes does.</summary>
    public bool OmitRetryAfter { get; init; }

    /// <summary>Delay of slow, delayed and random faults in milliseconds (default 2000).</summary>
    public int? DelayMs { get; init; }

    /// <summary>Endpoint name the fault is limited to (e.g. "zoom.meetings.create"); null matches every endpoint.</summary>
    public string? Operation { get; init; }

    /// <summary>Share of requests a random fault fails, between 0 and 1.</summary>
    public double? Ratio { get; init; }

    /// <summary>Seed of a random fault, so a failing run can be replayed.</summary>
    public int? Seed { get; init; }
}
