using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;
using Telemed.Zoom.Data;

namespace Telemed.Zoom.Services;

/// <summary>
/// Connecting a host's Zoom account (OAuth authorization code with PKCE and a signed, single-use state),
/// disconnecting it (revoke at Zoom, delete the tokens), and forgetting it when Zoom deauthorizes the app.
/// </summary>
public sealed class ZoomConnections(
    ZoomDb db,
    Database database,
    ZoomOAuthClient oauth,
    ZoomApiClient api,
    ZoomApps apps,
    ZoomSettingsStore settings,
    ZoomSecrets secrets,
    TenantContext tenantContext,
    TimeProvider clock,
    ILogger<ZoomConnections> logger)
{
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public Task<ZoomConnection?> FindForHostAsync(Guid hostId, CancellationToken cancellationToken = default) =>
        db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.HostId == hostId, cancellationToken);

    public async Task<IReadOnlyList<ZoomConnection>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Connections.AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Starts "Connect Zoom" for a host: stores the PKCE verifier under a fresh state and returns Zoom's authorize URL.</summary>
    public async Task<string> BeginAsync(Guid hostId, Guid userId, string authorizeUrl, string redirectUri, CancellationToken cancellationToken)
    {
        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(48));
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = new ZoomOAuthState
        {
            Id = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            HostId = hostId,
            UserId = userId,
            ProtectedCodeVerifier = secrets.ProtectToken(verifier),
            RedirectUri = redirectUri,
            ExpiresAt = clock.GetUtcNow() + StateLifetime,
        };
        db.OAuthStates.Add(state);
        await db.OAuthStates.Where(s => s.ExpiresAt < clock.GetUtcNow()).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var app = apps.ForClinic(await settings.GetAsync(cancellationToken));
        return QueryHelpers.AddQueryString(authorizeUrl, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = app.ClientId,
            ["redirect_uri"] = redirectUri,
            ["state"] = secrets.SignState(state.Id, tenantContext.Required.Id, StateLifetime),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
    }

    /// <summary>
    /// Finishes a connect: the state must be ours, unexpired, unused and started by the same user; it is
    /// consumed first so a replayed callback finds nothing. Returns the connected host, or why it failed.
    /// </summary>
    public async Task<ConnectOutcome> CompleteAsync(string? signedState, string? code, string? error, Guid userId, CancellationToken cancellationToken)
    {
        var stateId = secrets.ReadState(signedState, tenantContext.Required.Id);
        if (stateId is null)
        {
            return ConnectOutcome.Fail(null, "The Zoom connection could not be verified (the link was altered or is too old). Please try again.");
        }

        var state = await ConsumeStateAsync(stateId, cancellationToken);
        if (state is null || state.ExpiresAt < clock.GetUtcNow())
        {
            return ConnectOutcome.Fail(state?.HostId, "This Zoom connection link was already used or has expired. Please connect again.");
        }

        if (state.UserId != userId)
        {
            return ConnectOutcome.Fail(state.HostId, "This Zoom connection was started by someone else. Please connect again yourself.");
        }

        if (string.IsNullOrEmpty(code))
        {
            return ConnectOutcome.Fail(state.HostId, error == "access_denied"
                ? "Zoom access was not granted, so Zoom is not connected."
                : $"Zoom did not complete the connection ({error ?? "no code"}). Please try again.");
        }

        var app = apps.ForClinic(await settings.GetAsync(cancellationToken));
        try
        {
            var tokens = await oauth.ExchangeCodeAsync(app, code, state.RedirectUri, secrets.UnprotectToken(state.ProtectedCodeVerifier), cancellationToken);
            var me = await api.GetMeAsync(new FixedAccess(tokens.AccessToken), cancellationToken);
            await SaveConnectionAsync(state, app, tokens, me, cancellationToken);
            return new ConnectOutcome(state.HostId, null);
        }
        catch (ZoomApiException exception)
        {
            logger.LogWarning("Connecting Zoom for host {Host} failed: {Error}", state.HostId, exception.Message);
            return ConnectOutcome.Fail(state.HostId, "Zoom did not accept the connection. Please try again; if it keeps failing, ask your clinic admin to check the Zoom settings.");
        }
    }

    /// <summary>Revokes the grant at Zoom (best effort) and deletes the tokens. Returns false when Zoom could not be told.</summary>
    public async Task<bool> DisconnectAsync(Guid hostId, CancellationToken cancellationToken)
    {
        var connection = await FindForHostAsync(hostId, cancellationToken);
        if (connection is null)
        {
            return true;
        }

        var revoked = true;
        if (connection.ProtectedAccessToken is not null)
        {
            try
            {
                var app = apps.ForConnection(connection, await settings.GetAsync(cancellationToken));
                await oauth.RevokeAsync(app, secrets.UnprotectToken(connection.ProtectedAccessToken), cancellationToken);
            }
            catch (ZoomApiException exception)
            {
                revoked = false;
                logger.LogWarning("Revoking Zoom for host {Host} failed; the tokens are deleted anyway: {Error}", hostId, exception.Message);
            }
        }

        await db.Connections.Where(c => c.Id == connection.Id).ExecuteDeleteAsync(cancellationToken);
        await UnlinkIfUnusedAsync(connection.ZoomUserId, cancellationToken);
        return revoked;
    }

    /// <summary>Zoom says the user removed the app: delete that Zoom user's connections in this clinic.</summary>
    public async Task<int> ForgetZoomUserAsync(string zoomUserId, CancellationToken cancellationToken)
    {
        var removed = await db.Connections.Where(c => c.ZoomUserId == zoomUserId).ExecuteDeleteAsync(cancellationToken);
        await UnlinkIfUnusedAsync(zoomUserId, cancellationToken);
        return removed;
    }

    private async Task<ZoomOAuthState?> ConsumeStateAsync(string stateId, CancellationToken cancellationToken)
    {
        // DELETE ... RETURNING: of two callbacks racing with one state, exactly one gets the row. Not composable,
        // so EF's tenant filter is off here; row-level security still confines the delete to this clinic.
        var rows = await db.OAuthStates.FromSql($"DELETE FROM zoom_oauth_states WHERE id = {stateId} RETURNING *")
            .IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    private async Task SaveConnectionAsync(ZoomOAuthState state, ZoomApp app, ZoomTokens tokens, Models.ZoomUserInfo me, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Connections.SingleOrDefaultAsync(c => c.HostId == state.HostId, cancellationToken);
        var connection = existing ?? new ZoomConnection { Id = Guid.NewGuid(), HostId = state.HostId };
        connection.ClientId = app.ClientId;
        connection.ZoomUserId = me.Id;
        connection.ZoomAccountId = me.AccountId ?? "";
        connection.ZoomEmail = me.Email ?? "";
        connection.ProtectedAccessToken = secrets.ProtectToken(tokens.AccessToken);
        connection.ProtectedRefreshToken = secrets.ProtectToken(tokens.RefreshToken);
        connection.AccessTokenExpiresAt = tokens.ExpiresAt;
        connection.Scopes = tokens.Scopes;
        connection.Status = ZoomConnection.Connected;
        connection.LostReason = null;
        connection.ConnectedByUserId = state.UserId;
        connection.ConnectedAt = now;
        connection.UpdatedAt = now;
        if (existing is null)
        {
            db.Connections.Add(connection);
        }

        await db.SaveChangesAsync(cancellationToken);
        await using var link = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO zoom_user_links (zoom_user_id, tenant_id) VALUES (@user, @tenant) ON CONFLICT DO NOTHING", link);
        command.Parameters.AddWithValue("user", me.Id);
        command.Parameters.AddWithValue("tenant", tenantContext.Required.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task UnlinkIfUnusedAsync(string zoomUserId, CancellationToken cancellationToken)
    {
        if (await db.Connections.AnyAsync(c => c.ZoomUserId == zoomUserId, cancellationToken))
        {
            return;
        }

        await using var link = await database.OpenAsync(tenantContext, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM zoom_user_links WHERE zoom_user_id = @user AND tenant_id = @tenant", link);
        command.Parameters.AddWithValue("user", zoomUserId);
        command.Parameters.AddWithValue("tenant", tenantContext.Required.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A token used once, right after the code exchange, before the connection is stored.</summary>
    private sealed class FixedAccess(string token) : IZoomAccess
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);

        public Task<string> RenewTokenAsync(string rejected, CancellationToken cancellationToken) =>
            throw new ZoomConnectionLostException("Zoom rejected the token it had just issued.");
    }
}

public sealed record ConnectOutcome(Guid? HostId, string? Error)
{
    public bool Succeeded => Error is null;

    public static ConnectOutcome Fail(Guid? hostId, string error) => new(hostId, error);
}
