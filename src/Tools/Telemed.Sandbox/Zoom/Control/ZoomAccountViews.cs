using Microsoft.Extensions.Options;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Meetings;
using Telemed.Sandbox.Zoom.OAuth;

namespace Telemed.Sandbox.Zoom.Control;

/// <summary>An account as the inspection endpoints show it: settings in force, token counters, usage.</summary>
public sealed record ZoomAccountView(
    string Id,
    string AccountId,
    string Email,
    string DisplayName,
    string Timezone,
    int TokenLifetimeSeconds,
    string Scopes,
    int DailyMeetingRequestLimit,
    int MeetingRequestsToday,
    int Meetings,
    ZoomTokenStats Tokens,
    IReadOnlyList<IssuedToken>? IssuedTokens);

public sealed class ZoomAccountViews(ZoomTokenStore tokens, ZoomMeetingStore meetings, IOptions<SandboxOptions> options)
{
    public ZoomAccountView Of(ZoomUser user, bool withTokens)
    {
        var app = options.Value.Zoom;
        var settings = user.Settings;
        return new ZoomAccountView(
            user.Id,
            user.AccountId,
            user.Email,
            user.DisplayName,
            user.Timezone,
            (int)(settings.TokenLifetime ?? app.AccessTokenLifetime).TotalSeconds,
            settings.Scopes ?? app.Scopes,
            settings.DailyMeetingRequestLimit ?? app.DailyMeetingRequestLimit,
            meetings.MeetingRequestsToday(user),
            meetings.OfHost(user.Id).Count,
            tokens.StatsFor(user),
            withTokens ? tokens.TokensOf(user) : null);
    }
}
