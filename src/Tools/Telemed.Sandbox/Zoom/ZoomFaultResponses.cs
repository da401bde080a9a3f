using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Telemed.Sandbox.Faults;

namespace Telemed.Sandbox.Zoom;

/// <summary>Injected failures worded as Zoom words them.</summary>
internal sealed class ZoomFaultResponses : IFaultResponses
{
    public IResult Error(HttpContext http, int statusCode, string? reason) =>
        ZoomErrors.Error(statusCode, statusCode, ReasonPhrases.GetReasonPhrase(statusCode));

    public IResult RateLimited(HttpContext http, int? retryAfterSeconds) =>
        ZoomErrors.PerSecondLimitReached(http, retryAfterSeconds);
}
