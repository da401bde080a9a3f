using System.Net;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Services;

/// <summary>
/// Google answered with an error (<c>{"error": {"code", "message", "errors": [{"reason"}]}}</c>) or could not be
/// reached. Clients key on the status and the first reason, as Google asks.
/// </summary>
public class GoogleApiException(string message, HttpStatusCode? status = null, string? reason = null, Exception? inner = null)
    : MeetingProviderException(message, inner)
{
    private static readonly HashSet<string> RateReasons = ["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded", "backendError"];

    /// <summary>Null when no answer came (timeout, connection refused or reset).</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Google's reason: notFound, deleted, duplicate, rateLimitExceeded, insufficientPermissions, ...</summary>
    public string? Reason { get; } = reason;

    /// <summary>The event is not there (any more): 404, or 410 for one already deleted.</summary>
    public override bool IsGone => Status is HttpStatusCode.NotFound or HttpStatusCode.Gone;

    /// <summary>No answer, a 5xx, 429, or a 403 that is a rate or quota limit: back off and try again.</summary>
    public override bool IsTransient => Status is null || (int)Status >= 500 || Status == HttpStatusCode.TooManyRequests
        || (Status == HttpStatusCode.Forbidden && Reason is not null && RateReasons.Contains(Reason));

    /// <summary>The grant lacks the calendar scope (unticked on the consent page): only reconnecting helps.</summary>
    public override bool IsConnectionLost => Status == HttpStatusCode.Forbidden && Reason == "insufficientPermissions";

    public bool IsDuplicate => Status == HttpStatusCode.Conflict;
}

/// <summary>Google refuses the host's grant (<c>invalid_grant</c>: revoked, expired, or a testing app's seven days are up).</summary>
public sealed class GoogleConnectionLostException(string message, Exception? inner = null)
    : GoogleApiException(message, HttpStatusCode.Unauthorized, "invalid_grant", inner)
{
    public override bool IsConnectionLost => true;

    public override bool IsTransient => false;
}

/// <summary>The event exists but Google has not finished its Meet conference yet: look again later.</summary>
public sealed class GoogleConferencePendingException(string message) : GoogleApiException(message)
{
    public override bool IsTransient => true;
}
