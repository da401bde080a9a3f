using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Zoom.Services;

/// <summary>
/// Zoom's side of connecting a host: its authorize page, code exchange with PKCE, rotating refresh and revoke, with the
/// clinic's own Zoom app or the platform's. Connected Zoom users are listed per clinic (<c>zoom_user_links</c>) because
/// Zoom's webhooks arrive at one endpoint and must be routed to the clinics that connected the user.
/// </summary>
public sealed class ZoomConnector(
    ZoomOAuthClient oauth,
    ZoomApiClient api,
    ZoomApps apps,
    ZoomSettingsStore settings,
    ZoomUrls urls,
    Database database,
    TenantContext tenantContext) : IOAuthConnector
{
    public string ProviderId => ZoomStartup.ProviderId;

    public bool IsAvailable => urls.IsAvailable;

    public string CallbackPath => "/zoom/callback";

    public async Task<string> AuthorizeUrlAsync(string redirectUri, string state, string codeChallenge, CancellationToken cancellationToken)
    {
        var app = apps.ForClinic(await settings.GetAsync(cancellationToken));
        return QueryHelpers.AddQueryString(urls.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = app.ClientId,
            ["redirect_uri"] = redirectUri,
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        });
    }

    public async Task<OAuthGrant> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var app = apps.ForClinic(await settings.GetAsync(cancellationToken));
        var tokens = await oauth.ExchangeCodeAsync(app, code, redirectUri, codeVerifier, cancellationToken);
        var me = await api.GetMeAsync(new FixedToken(tokens.AccessToken), cancellationToken);
        return new OAuthGrant(tokens, app.ClientId, me.Id, me.AccountId ?? "", me.Email ?? "");
    }

    public async Task<OAuthTokens> RefreshAsync(HostConnection connection, string refreshToken, CancellationToken cancellationToken) =>
        await oauth.RefreshAsync(apps.ForConnection(connection, await settings.GetAsync(cancellationToken)), refreshToken, cancellationToken);

    public async Task RevokeAsync(HostConnection connection, string accessToken, CancellationToken cancellationToken) =>
        await oauth.RevokeAsync(apps.ForConnection(connection, await settings.GetAsync(cancellationToken)), accessToken, cancellationToken);

    public Task LinkedAsync(string externalUserId, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO zoom_user_links (zoom_user_id, tenant_id) VALUES (@user, @tenant) ON CONFLICT DO NOTHING", externalUserId, cancellationToken);

    public Task UnlinkedAsync(string externalUserId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM zoom_user_links WHERE zoom_user_id = @user AND tenant_id = @tenant", externalUserId, cancellationToken);

    private async Task ExecuteAsync(string sql, string zoomUserId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("user", zoomUserId);
        command.Parameters.AddWithValue("tenant", tenantContext.Required.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A token used once, right after the code exchange, before the connection is stored.</summary>
    private sealed class FixedToken(string token) : IAccessToken
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);

        public Task<string> RenewTokenAsync(string rejected, CancellationToken cancellationToken) =>
            throw new ZoomConnectionLostException("Zoom rejected the token it had just issued.");
    }
}
