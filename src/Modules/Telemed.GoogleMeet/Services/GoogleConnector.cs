using Microsoft.AspNetCore.WebUtilities;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Services;

/// <summary>
/// Google's side of connecting a host: the consent page (offline access, PKCE, consent forced so a reconnect gets a
/// refresh token again), the code exchange, refresh without rotation, and revoke, with the clinic's own OAuth client or
/// the platform's. It asks for calendar events only, plus the account's e-mail address to show which account is connected.
/// </summary>
public sealed class GoogleConnector(GoogleOAuthClient oauth, GoogleApps apps, GoogleMeetSettingsStore settings, GoogleUrls urls) : IOAuthConnector
{
    public const string CalendarEventsScope = "https://www.googleapis.com/auth/calendar.events";
    public const string Scopes = "openid email " + CalendarEventsScope;

    public string ProviderId => GoogleMeetStartup.ProviderId;

    public bool IsAvailable => urls.IsAvailable;

    public string CallbackPath => "/google/callback";

    public async Task<string> AuthorizeUrlAsync(string redirectUri, string state, string codeChallenge, CancellationToken cancellationToken)
    {
        var app = apps.ForClinic(await settings.GetAsync(cancellationToken));
        return QueryHelpers.AddQueryString(urls.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = app.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = Scopes,
            ["access_type"] = "offline",
            ["prompt"] = "consent",
            ["include_granted_scopes"] = "true",
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        });
    }

    public async Task<OAuthGrant> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var app = apps.ForClinic(await settings.GetAsync(cancellationToken));
        var tokens = await oauth.ExchangeCodeAsync(app, code, redirectUri, codeVerifier, cancellationToken);
        if (!HasCalendarAccess(tokens.Scope))
        {
            // The box for calendar events was unticked: nothing can be made with this grant, so give it back.
            await RevokeQuietlyAsync(tokens.AccessToken, cancellationToken);
            throw new ConsentIncompleteException(
                "Google Meet needs access to your calendar events to add the video visits. Connect again and leave the calendar box ticked.");
        }

        if (tokens.RefreshToken is null)
        {
            await RevokeQuietlyAsync(tokens.AccessToken, cancellationToken);
            throw new GoogleApiException("Google granted no offline access (no refresh token), so the connection would stop working within the hour.");
        }

        var me = await oauth.GetUserInfoAsync(tokens.AccessToken, cancellationToken);
        return new OAuthGrant(new OAuthTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.Scope), app.ClientId, me.Sub, "", me.Email ?? "");
    }

    /// <summary>Google keeps the refresh token: the stored one goes back with the new access token.</summary>
    public async Task<OAuthTokens> RefreshAsync(HostConnection connection, string refreshToken, CancellationToken cancellationToken)
    {
        var app = apps.ForConnection(connection, await settings.GetAsync(cancellationToken));
        var fresh = await oauth.RefreshAsync(app, refreshToken, cancellationToken);
        return new OAuthTokens(fresh.AccessToken, fresh.RefreshToken ?? refreshToken, fresh.ExpiresAt, fresh.Scope is { Length: > 0 } scope ? scope : connection.Scopes);
    }

    public Task RevokeAsync(HostConnection connection, string accessToken, CancellationToken cancellationToken) =>
        oauth.RevokeAsync(accessToken, cancellationToken);

    // Google routes nothing to clinics by account (no webhooks are used), so there is no lookup to keep.
    public Task LinkedAsync(string externalUserId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UnlinkedAsync(string externalUserId, CancellationToken cancellationToken) => Task.CompletedTask;

    internal static bool HasCalendarAccess(string scopes) =>
        scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => s is CalendarEventsScope or "https://www.googleapis.com/auth/calendar");

    private async Task RevokeQuietlyAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            await oauth.RevokeAsync(token, cancellationToken);
        }
        catch (MeetingProviderException)
        {
            // The grant is unused either way; Google drops it after six months without use.
        }
    }
}
