using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Faults;

/// <summary>How a provider words the failures the fault filter injects (its own error body and headers).</summary>
public interface IFaultResponses
{
    /// <summary>An injected error status; <paramref name="reason"/> is the fault's own reason, for providers whose errors carry one.</summary>
    IResult Error(HttpContext http, int statusCode, string? reason);

    IResult RateLimited(HttpContext http, int? retryAfterSeconds);
}
