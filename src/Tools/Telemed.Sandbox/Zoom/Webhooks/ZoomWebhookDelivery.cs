namespace Telemed.Sandbox.Zoom.Webhooks;

/// <summary>One webhook the sandbox sent (or tried to), with every attempt, for the inspection endpoints.</summary>
public sealed class ZoomWebhookDelivery
{
    private readonly object _gate = new();
    private readonly List<ZoomWebhookAttempt> _attempts = [];

    public required string Id { get; init; }
    public required string Event { get; init; }
    public required string Url { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<ZoomWebhookAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return _attempts.ToArray();
            }
        }
    }

    /// <summary>True once the product acknowledged with a 2xx.</summary>
    public bool Delivered => Attempts.Any(a => a.StatusCode is >= 200 and < 300);

    /// <summary>Retries still scheduled.</summary>
    public int PendingRetries { get; internal set; }

    internal void Add(ZoomWebhookAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }
}

/// <summary>One POST of a webhook: when, which signature headers, and what came back (status 0 with an error when nothing did).</summary>
public sealed record ZoomWebhookAttempt(
    DateTimeOffset At,
    long Timestamp,
    string Signature,
    int StatusCode,
    string? ResponseBody,
    string? Error,
    long DurationMs);

/// <summary>Outcome of asking the product's endpoint to answer the URL-validation challenge.</summary>
public sealed record ZoomUrlValidationResult(bool Validated, string Reason, string PlainToken, string? ExpectedEncryptedToken, ZoomWebhookDelivery Delivery);
