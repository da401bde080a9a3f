using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Faults;

/// <summary>How a provider words the failures the fault filter injects (its own error body and headers).</summary>
public interface IFaultResponses
{
    IResult ServerError(HttpContext http, int statusCode);

    IResult RateLimited(HttpContext http, int? retryAfterSeconds);
}
