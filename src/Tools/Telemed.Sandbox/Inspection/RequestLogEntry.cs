namespace Telemed.Sandbox.Inspection;

/// <summary>One request that reached a provider endpoint. Filled in while the request runs.</summary>
public sealed class RequestLogEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public required string Provider { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public string? Query { get; init; }
    public string? Operation { get; init; }
    public string? Body { get; set; }

    /// <summary>The account key (provider user id) the request was made for, when it could be told.</summary>
    public string? Account { get; set; }

    /// <summary>Status sent, or 0 when the connection was dropped before an answer.</summary>
    public int StatusCode { get; set; }

    public long DurationMs { get; set; }

    /// <summary>The injected fault, if any (e.g. "error 503", "rate_limit retry_after=1s").</summary>
    public string? Fault { get; set; }
}
