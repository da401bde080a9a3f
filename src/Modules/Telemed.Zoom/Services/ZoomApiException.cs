using System.Net;
using Telemed.Meetings.Providers;

namespace Telemed.Zoom.Services;

/// <summary>Zoom answered with an error (<c>{"code", "message"}</c>) or could not be reached.</summary>
public class ZoomApiException(string message, HttpStatusCode? status = null, int? code = null, Exception? inner = null)
    : MeetingProviderException(message, inner)
{
    /// <summary>Null when no answer came (timeout, connection refused or reset).</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Zoom's own error number (124, 300, 3001, 3002, 429, ...).</summary>
    public int? Code { get; } = code;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    /// <summary>Zoom has no such meeting (any more): code 3001, or a 404 that is not about the user (1001).</summary>
    public override bool IsGone => Code == 3001 || (IsNotFound && Code != 1001);

    /// <summary>Worth trying again later: no answer, a 5xx, or a rate limit.</summary>
    public override bool IsTransient => Status is null || (int)Status >= 500 || Status == HttpStatusCode.TooManyRequests;
}

/// <summary>Zoom refuses the host's grant (revoked, invalid refresh token): the host must connect again.</summary>
public sealed class ZoomConnectionLostException(string message, Exception? inner = null)
    : ZoomApiException(message, HttpStatusCode.Unauthorized, null, inner)
{
    public override bool IsConnectionLost => true;
}
