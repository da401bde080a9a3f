using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Zoom;

/// <summary>Zoom's <c>{"code": ..., "message": ...}</c> error answers with the codes the product acts on.</summary>
public static class ZoomErrors
{
    public static IResult Error(int status, int code, string message, IReadOnlyList<ZoomFieldError>? errors = null) =>
        Results.Json(new ZoomErrorBody(code, message, errors), SandboxJson.SnakeCase, statusCode: status);

    public static IResult InvalidAccessToken() => Error(401, 124, "Invalid access token.");

    public static IResult ExpiredAccessToken() => Error(401, 124, "Access token is expired.");

    public static IResult MissingScopes(params string[] scopes) =>
        Error(400, 4711, $"Invalid access token, does not contain scopes:[{string.Join(", ", scopes)}].");

    public static IResult UserNotFound(string userId) => Error(404, 1001, $"User does not exist: {userId}.");

    public static IResult MeetingNotFound(string meetingId) => Error(404, 3001, $"Meeting does not exist: {meetingId}.");

    public static IResult CannotAccessMeeting() => Error(400, 3000, "Cannot access meeting information.");

    public static IResult MeetingInProgress() => Error(400, 3002, "Sorry, you cannot delete this meeting since it is in progress.");

    public static IResult InvalidJson() => Error(400, 300, "Request Body should be a valid JSON object.");

    public static IResult Validation(IReadOnlyList<ZoomFieldError> errors) => Error(400, 300, "Validation Failed.", errors);

    public static IResult InvalidParameter(string message) => Error(400, 300, message);

    /// <summary>The per-user daily create/update limit, with the headers Zoom documents for it.</summary>
    public static IResult DailyLimitReached(HttpContext http, int limit, DateTimeOffset resumesAt)
    {
        SetRateLimitHeaders(http, "Daily-limit", limit);
        http.Response.Headers.RetryAfter = resumesAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        return Error(429, 429,
            $"You have exceeded the daily rate limit ({limit}) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.");
    }

    /// <summary>The per-second limit; Retry-After in seconds, or absent as Zoom sometimes sends it.</summary>
    public static IResult PerSecondLimitReached(HttpContext http, int? retryAfterSeconds)
    {
        SetRateLimitHeaders(http, "QPS", LabelOf(http).PerSecond);
        if (retryAfterSeconds is int seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Error(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.");
    }

    private static void SetRateLimitHeaders(HttpContext http, string type, int limit)
    {
        var headers = http.Response.Headers;
        headers["X-RateLimit-Category"] = LabelOf(http).Category;
        headers["X-RateLimit-Type"] = type;
        headers["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = "0";
    }

    private static ZoomRateLimitLabel LabelOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ZoomRateLimitLabel>() ?? ZoomRateLimitLabel.Light;
}

public sealed record ZoomErrorBody(int Code, string Message, IReadOnlyList<ZoomFieldError>? Errors);

public sealed record ZoomFieldError(string Field, string Message);

/// <summary>Zoom's rate-limit label of an endpoint (create is Medium, the rest Light), with the Pro plan's per-second limit.</summary>
public sealed record ZoomRateLimitLabel(string Category, int PerSecond)
{
    public static readonly ZoomRateLimitLabel Light = new("Light", 30);
    public static readonly ZoomRateLimitLabel Medium = new("Medium", 20);
}
