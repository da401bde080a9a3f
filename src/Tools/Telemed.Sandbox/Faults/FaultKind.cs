namespace Telemed.Sandbox.Faults;

public enum FaultKind
{
    /// <summary>Answer with a 5xx status instead of handling the request.</summary>
    Error,

    /// <summary>Answer 429 with the provider's rate-limit headers, with or without Retry-After.</summary>
    RateLimit,

    /// <summary>Wait before handling the request (the client may time out before anything happens).</summary>
    Slow,

    /// <summary>Handle the request, then hold the response back: the work is done even if the client gave up.</summary>
    DelayedResponse,

    /// <summary>Handle the request, then close the connection without answering.</summary>
    Drop,

    /// <summary>Fail a share of requests (ratio) with a seeded mix of errors, 429s and slow answers.</summary>
    Random,
}
