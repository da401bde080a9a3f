using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Telemed.Sandbox.Faults;

namespace Telemed.Sandbox.Google;

/// <summary>
/// Injected failures worded as Google words them: the API error body with the fault's reason (or the one its status
/// implies), and on the OAuth endpoints the small <c>{"error", "error_description"}</c> body.
/// </summary>
internal sealed class GoogleFaultResponses : IFaultResponses
{
    public IResult Error(HttpContext http, int statusCode, string? reason)
    {
        if (IsOAuthEndpoint(http))
        {
            return OAuthError(statusCode, reason ?? (statusCode == 503 ? "temporarily_unavailable" : statusCode >= 500 ? "server_error" : "invalid_request"));
        }

        var chosen = reason ?? GoogleErrors.DefaultReason(statusCode);
        return GoogleErrors.Error(statusCode, chosen, GoogleErrors.MessageOf(chosen, statusCode));
    }

    public IResult RateLimited(HttpContext http, int? retryAfterSeconds)
    {
        if (!IsOAuthEndpoint(http))
        {
            return GoogleErrors.RateLimited(http, 429, "rateLimitExceeded", retryAfterSeconds);
        }

        if (retryAfterSeconds is int seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return OAuthError(429, "rate_limit_exceeded");
    }

    private static bool IsOAuthEndpoint(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName?.StartsWith("google.oauth.", StringComparison.Ordinal) == true;

    private static IResult OAuthError(int status, string error) =>
        Results.Json(new OAuth.GoogleOAuthError(error, ReasonPhrases.GetReasonPhrase(status)), SandboxJson.SnakeCase, statusCode: status);
}
