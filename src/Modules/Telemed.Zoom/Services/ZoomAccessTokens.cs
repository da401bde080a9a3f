using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Tenancy;
using Telemed.Zoom.Data;

namespace Telemed.Zoom.Services;

/// <summary>
/// Access tokens of host connections, refreshed single-flight. Zoom rotates refresh tokens, so two refreshes
/// racing with the same one leave the loser with a dead grant: a refresh happens only under a per-connection
/// advisory lock (shared by every process on the database), after re-reading the row, so whoever waited uses
/// the token the first one saved. The new tokens are stored before they are used.
/// </summary>
public sealed class ZoomAccessTokens(
    ZoomDb db,
    ZoomOAuthClient oauth,
    ZoomApps apps,
    ZoomSettingsStore settings,
    ZoomSecrets secrets,
    PostgresLocks locks,
    TenantContext tenantContext,
    IOptions<ZoomOptions> options,
    TimeProvider clock,
    ILogger<ZoomAccessTokens> logger)
{
    public IZoomAccess For(Guid connectionId) => new ConnectionAccess(this, connectionId);

    private async Task<string> GetTokenAsync(Guid connectionId, string? rejected, CancellationToken cancellationToken)
    {
        var connection = await LoadAsync(connectionId, cancellationToken);
        if (rejected is null && IsFresh(connection))
        {
            return secrets.UnprotectToken(connection.ProtectedAccessToken!);
        }

        await using (await locks.AcquireAsync($"zoom-connection:{tenantContext.Required.Id}:{connectionId}", cancellationToken))
        {
            // Whoever held the lock before us may have refreshed already: use their token rather than refresh again.
            connection = await LoadAsync(connectionId, cancellationToken);
            var current = connection.ProtectedAccessToken is null ? null : secrets.UnprotectToken(connection.ProtectedAccessToken);
            if (current is not null && current != rejected && IsFresh(connection))
            {
                return current;
            }

            var app = apps.ForConnection(connection, await settings.GetAsync(cancellationToken));
            ZoomTokens fresh;
            try
            {
                // Not cancellable from here on: a refresh Zoom performed but we dropped would kill the grant.
                fresh = await oauth.RefreshAsync(app, secrets.UnprotectToken(connection.ProtectedRefreshToken!), CancellationToken.None);
            }
            catch (ZoomConnectionLostException exception)
            {
                await MarkLostAsync(connectionId, "Zoom refused to renew access; the host needs to connect Zoom again.", CancellationToken.None);
                logger.LogWarning("Zoom connection {Connection} of host {Host} is lost: {Error}", connectionId, connection.HostId, exception.Message);
                throw;
            }

            var now = clock.GetUtcNow();
            var protectedAccess = secrets.ProtectToken(fresh.AccessToken);
            var protectedRefresh = secrets.ProtectToken(fresh.RefreshToken);
            await db.Connections.Where(c => c.Id == connectionId).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.ProtectedAccessToken, protectedAccess)
                .SetProperty(c => c.ProtectedRefreshToken, protectedRefresh)
                .SetProperty(c => c.AccessTokenExpiresAt, fresh.ExpiresAt)
                .SetProperty(c => c.Scopes, fresh.Scopes)
                .SetProperty(c => c.UpdatedAt, now), CancellationToken.None);
            return fresh.AccessToken;
        }
    }

    /// <summary>Forgets the tokens of a connection Zoom no longer honours and shows it as lost, with a reason.</summary>
    public async Task MarkLostAsync(Guid connectionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Connections.Where(c => c.Id == connectionId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Status, ZoomConnection.Lost)
            .SetProperty(c => c.LostReason, reason)
            .SetProperty(c => c.ProtectedAccessToken, (string?)null)
            .SetProperty(c => c.ProtectedRefreshToken, (string?)null)
            .SetProperty(c => c.AccessTokenExpiresAt, (DateTimeOffset?)null)
            .SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    private async Task<ZoomConnection> LoadAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        return connection is { IsConnected: true }
            ? connection
            : throw new ZoomConnectionLostException(connection?.LostReason ?? "The host's Zoom connection was removed.");
    }

    private bool IsFresh(ZoomConnection connection) =>
        connection.ProtectedAccessToken is not null
        && connection.AccessTokenExpiresAt > clock.GetUtcNow() + options.Value.RefreshAhead;

    private sealed class ConnectionAccess(ZoomAccessTokens tokens, Guid connectionId) : IZoomAccess
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => tokens.GetTokenAsync(connectionId, null, cancellationToken);

        public Task<string> RenewTokenAsync(string rejected, CancellationToken cancellationToken) => tokens.GetTokenAsync(connectionId, rejected, cancellationToken);
    }
}
