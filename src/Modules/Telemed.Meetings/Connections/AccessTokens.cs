using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Storage;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Connections;

/// <summary>
/// Access tokens of host connections, refreshed single-flight. Providers such as Zoom rotate refresh tokens, so two
/// refreshes racing with the same one leave the loser with a dead grant: a refresh happens only under a per-connection
/// advisory lock (shared by every process on the database), after re-reading the row, so whoever waited uses the
/// token the first one saved. The new tokens are stored before they are used.
/// </summary>
public sealed class AccessTokens(
    MeetingsDb db,
    MeetingProviderRegistry providers,
    MeetingSecrets secrets,
    PostgresLocks locks,
    TenantContext tenantContext,
    EventPublisher publisher,
    IOptions<MeetingsOptions> options,
    TimeProvider clock,
    ILogger<AccessTokens> logger)
{
    public IAccessToken For(Guid connectionId) => new ConnectionToken(this, connectionId);

    private async Task<string> GetTokenAsync(Guid connectionId, string? rejected, CancellationToken cancellationToken)
    {
        var connection = await LoadAsync(connectionId, cancellationToken);
        if (rejected is null && IsFresh(connection))
        {
            return secrets.UnprotectToken(connection.ProtectedAccessToken!);
        }

        await using (await locks.AcquireAsync($"host-connection:{tenantContext.Required.Id}:{connectionId}", cancellationToken))
        {
            // Whoever held the lock before us may have refreshed already: use their token rather than refresh again.
            connection = await LoadAsync(connectionId, cancellationToken);
            var current = connection.ProtectedAccessToken is null ? null : secrets.UnprotectToken(connection.ProtectedAccessToken);
            if (current is not null && current != rejected && IsFresh(connection))
            {
                return current;
            }

            var connector = providers.ConnectorFor(connection.Provider)
                ?? throw new HostConnectionLostException($"The {connection.Provider} module is not installed, so its connection cannot be renewed.");
            OAuthTokens fresh;
            try
            {
                // Not cancellable from here on: a refresh the provider performed but we dropped would kill the grant.
                fresh = await connector.RefreshAsync(connection, secrets.UnprotectToken(connection.ProtectedRefreshToken!), CancellationToken.None);
            }
            catch (MeetingProviderException exception) when (exception.IsConnectionLost)
            {
                await MarkLostAsync(connectionId, $"{providers.NameOf(connection.Provider)} refused to renew access; the host needs to connect again.", CancellationToken.None);
                logger.LogWarning("Connection {Connection} of host {Host} to {Provider} is lost: {Error}", connectionId, connection.HostId, connection.Provider, exception.Message);
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

    /// <summary>
    /// Forgets the tokens of a connection the provider no longer honours and shows it as lost, with a reason; the first time,
    /// <see cref="HostConnectionLost"/> is published with the change, for the clinic's workflows.
    /// </summary>
    public async Task MarkLostAsync(Guid connectionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        var changed = await db.Connections.Where(c => c.Id == connectionId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Status, HostConnection.Lost)
            .SetProperty(c => c.LostReason, reason)
            .SetProperty(c => c.ProtectedAccessToken, (string?)null)
            .SetProperty(c => c.ProtectedRefreshToken, (string?)null)
            .SetProperty(c => c.AccessTokenExpiresAt, (DateTimeOffset?)null)
            .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (changed > 0 && connection is not null && connection.Status != HostConnection.Lost)
        {
            var hostName = await db.Appointments.Where(a => a.HostId == connection.HostId).OrderByDescending(a => a.UpdatedAt)
                .Select(a => a.HostName).FirstOrDefaultAsync(cancellationToken) ?? "A host";
            await publisher.PublishAsync(new HostConnectionLost(connectionId, connection.HostId, hostName, connection.Provider, providers.NameOf(connection.Provider), reason, now),
                tenantContext.Required.Id, db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<HostConnection> LoadAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        return connection is { IsConnected: true }
            ? connection
            : throw new HostConnectionLostException(connection?.LostReason ?? "The host's connection was removed.");
    }

    private bool IsFresh(HostConnection connection) =>
        connection.ProtectedAccessToken is not null
        && connection.AccessTokenExpiresAt > clock.GetUtcNow() + options.Value.RefreshAhead;

    private sealed class ConnectionToken(AccessTokens tokens, Guid connectionId) : IAccessToken
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => tokens.GetTokenAsync(connectionId, null, cancellationToken);

        public Task<string> RenewTokenAsync(string rejected, CancellationToken cancellationToken) => tokens.GetTokenAsync(connectionId, rejected, cancellationToken);
    }
}
