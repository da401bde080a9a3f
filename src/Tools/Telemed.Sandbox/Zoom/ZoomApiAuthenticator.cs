using Microsoft.AspNetCore.Http;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.OAuth;

namespace Telemed.Sandbox.Zoom;

/// <summary>Checks the bearer token and scopes of a <c>/v2</c> call the way Zoom answers them (401/124, 400/4711).</summary>
public sealed class ZoomApiAuthenticator(ZoomTokenStore tokens)
{
    /// <summary>Returns the token's user, or the error to answer with.</summary>
    public (ZoomUser? User, IResult? Error) Authenticate(HttpRequest request, ZoomScope scope)
    {
        var (state, user, scopes) = tokens.CheckAccessToken(BearerToken.From(request));
        switch (state)
        {
            case AccessTokenState.Invalid:
                return (null, ZoomErrors.InvalidAccessToken());
            case AccessTokenState.Expired:
                return (null, ZoomErrors.ExpiredAccessToken());
        }

        var granted = scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return granted.Contains(scope.Granular) || granted.Contains(scope.Classic)
            ? (user, null)
            : (null, ZoomErrors.MissingScopes(scope.Granular));
    }
}

/// <summary>A required scope in Zoom's granular form and its classic equivalent; either grants the call.</summary>
public sealed record ZoomScope(string Granular, string Classic)
{
    public static readonly ZoomScope ReadUser = new("user:read:user", "user:read");
    public static readonly ZoomScope CreateMeeting = new("meeting:write:meeting", "meeting:write");
    public static readonly ZoomScope ReadMeeting = new("meeting:read:meeting", "meeting:read");
    public static readonly ZoomScope ListMeetings = new("meeting:read:list_meetings", "meeting:read");
    public static readonly ZoomScope UpdateMeeting = new("meeting:update:meeting", "meeting:write");
    public static readonly ZoomScope DeleteMeeting = new("meeting:delete:meeting", "meeting:write");
    public static readonly ZoomScope UpdateMeetingStatus = new("meeting:update:status", "meeting:write");
}
