using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Telemed.Sandbox.Google;

/// <summary>
/// Google's API error answers, <c>{"error": {"errors": [{"domain", "reason", "message"}], "code", "message"}}</c>,
/// with the reasons the product keys on.
/// </summary>
public static class GoogleErrors
{
    private static readonly HashSet<string> UsageLimitReasons = ["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded"];

    public static IResult Error(int status, string reason, string message, string? domain = null, string? locationType = null, string? location = null,
        string? topMessage = null, string? statusName = null) =>
        Results.Json(
            new GoogleErrorBody(new GoogleError(
                [new GoogleErrorItem(domain ?? DomainOf(reason), reason, message, locationType, location)],
                status,
                topMessage ?? message,
                statusName)),
            GoogleJson.CamelCase,
            statusCode: status);

    /// <summary>No Authorization header at all.</summary>
    public static IResult LoginRequired(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\"";
        return Error(401, "required", "Login Required.", locationType: "header", location: HeaderNames.Authorization,
            topMessage: "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
            statusName: "UNAUTHENTICATED");
    }

    /// <summary>An unknown, revoked or expired access token.</summary>
    public static IResult InvalidCredentials(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
        return Error(401, "authError", "Invalid Credentials", locationType: "header", location: HeaderNames.Authorization,
            topMessage: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
            statusName: "UNAUTHENTICATED");
    }

    public static IResult InsufficientScopes() =>
        Error(403, "insufficientPermissions", "Insufficient Permission", topMessage: "Request had insufficient authentication scopes.", statusName: "PERMISSION_DENIED");

    public static IResult NotFound() => Error(404, "notFound", "Not Found");

    public static IResult Deleted() => Error(410, "deleted", "Resource has been deleted");

    public static IResult Duplicate() => Error(409, "duplicate", "The requested identifier already exists.");

    public static IResult ConditionNotMet() => Error(412, "conditionNotMet", "Precondition Failed", locationType: "header", location: HeaderNames.IfMatch);

    public static IResult ParseError() => Error(400, "parseError", "Parse Error");

    public static IResult Invalid(string message) => Error(400, "invalid", message);

    public static IResult Required(string message) => Error(400, "required", message);

    public static IResult BadRequest(string message = "Bad Request") => Error(400, "badRequest", message);

    public static IResult TimeRangeEmpty(string? location = null) =>
        Error(400, "timeRangeEmpty", "The specified time range is empty.", domain: "calendar",
            locationType: location is null ? null : "parameter", location: location);

    public static IResult InvalidParameter(string parameter, string message) =>
        Error(400, "invalidParameter", message, locationType: "parameter", location: parameter);

    public static IResult RateLimited(HttpContext http, int status, string reason, int? retryAfterSeconds)
    {
        if (retryAfterSeconds is int seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return Error(status, reason, MessageOf(reason, status));
    }

    /// <summary>The reason Google gives a status when nothing more specific is known.</summary>
    public static string DefaultReason(int status) => status switch
    {
        400 => "badRequest",
        401 => "authError",
        403 => "forbidden",
        404 => "notFound",
        409 => "conflict",
        410 => "deleted",
        412 => "conditionNotMet",
        429 => "rateLimitExceeded",
        >= 500 => "backendError",
        _ => "badRequest",
    };

    public static string DomainOf(string reason) => UsageLimitReasons.Contains(reason) ? "usageLimits" : "global";

    public static string MessageOf(string reason, int status) => reason switch
    {
        "rateLimitExceeded" => "Rate Limit Exceeded",
        "userRateLimitExceeded" => "User Rate Limit Exceeded",
        "quotaExceeded" => "Quota Exceeded",
        "dailyLimitExceeded" => "Daily Limit Exceeded",
        "backendError" => "Backend Error",
        "notFound" => "Not Found",
        "deleted" => "Resource has been deleted",
        "authError" => "Invalid Credentials",
        "insufficientPermissions" => "Insufficient Permission",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
    };
}

public sealed record GoogleErrorBody(GoogleError Error);

/// <summary>The error object; <see cref="Status"/> is the newer front end's name for the status, sent only where Google sends it (auth failures).</summary>
public sealed record GoogleError(IReadOnlyList<GoogleErrorItem> Errors, int Code, string Message, string? Status);

public sealed record GoogleErrorItem(string Domain, string Reason, string Message, string? LocationType, string? Location);
