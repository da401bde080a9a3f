using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Connections;

/// <summary>
/// Connecting a host's account at a provider (OAuth authorization code with PKCE and a signed, single-use state),
/// disconnecting it (revoke at the provider, delete the tokens), and forgetting it when the provider deauthorizes the app.
/// </summary>
public sealed class ConnectionFlow(
    MeetingsDb db,
    MeetingProviderRegistry providers,
    MeetingSecrets secrets,
    TenantContext tenantContext,
    TimeProvider clock,
    ILogger<ConnectionFlow> logger)
{
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public Task<HostConnection?> FindAsync(string provider, Guid hostId, CancellationToken cancellationToken = default) =>
        db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Provider == provider && c.HostId == hostId, cancellationToken);

    public async Task<IReadOnlyList<HostConnection>> ListAsync(Guid? hostId = null, CancellationToken cancellationToken = default) =>
        await db.Connections.AsNoTracking().Where(c => hostId == null || c.HostId == hostId).ToListAsync(cancellationToken);

    /// <summary>Starts "Connect": stores the PKCE verifier under a fresh state and returns the provider's consent page.</summary>
    public async Task<string> BeginAsync(IOAuthConnector connector, Guid hostId, Guid userId, string redirectUri, CancellationToken cancellationToken)
    {
        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(48));
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = new OAuthState
        {
            Id = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            Provider = connector.ProviderId,
            HostId = hostId,
            UserId = userId,
            ProtectedCodeVerifier = secrets.ProtectToken(verifier),
            RedirectUri = redirectUri,
            ExpiresAt = clock.GetUtcNow() + StateLifetime,
        };
        db.OAuthStates.Add(state);
        await db.OAuthStates.Where(s => s.ExpiresAt < clock.GetUtcNow()).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await connector.AuthorizeUrlAsync(redirectUri, secrets.SignState(state.Id, tenantContext.Required.Id, StateLifetime), challenge, cancellationToken);
    }

    /// <summary>
    /// Finishes a connect: the state must be ours, for this provider, unexpired, unused and started by the same user; it
    /// is consumed first so a replayed callback finds nothing. Returns the connected host, or why it failed.
    /// </summary>
    public async Task<ConnectOutcome> CompleteAsync(IOAuthConnector connector, string? signedState, string? code, string? error, Guid userId,
        CancellationToken cancellationToken)
    {
        var name = providers.NameOf(connector.ProviderId);
        var stateId = secrets.ReadState(signedState, tenantContext.Required.Id);
        if (stateId is null)
        {
            return ConnectOutcome.Fail(null, $"The {name} connection could not be verified (the link was altered or is too old). Please try again.");
        }

        var state = await ConsumeStateAsync(stateId, cancellationToken);
        if (state is null || state.ExpiresAt < clock.GetUtcNow() || state.Provider != connector.ProviderId)
        {
            return ConnectOutcome.Fail(state?.HostId, $"This {name} connection link was already used or has expired. Please connect again.");
        }

        if (state.UserId != userId)
        {
            return ConnectOutcome.Fail(state.HostId, $"This {name} connection was started by someone else. Please connect again yourself.");
        }

        if (string.IsNullOrEmpty(code))
        {
            return ConnectOutcome.Fail(state.HostId, error == "access_denied"
                ? $"{name} access was not granted, so {name} is not connected."
                : $"{name} did not complete the connection ({error ?? "no code"}). Please try again.");
        }

        try
        {
            var grant = await connector.ExchangeCodeAsync(code, state.RedirectUri, secrets.UnprotectToken(state.ProtectedCodeVerifier), cancellationToken);
            await SaveConnectionAsync(connector, state, grant, cancellationToken);
            return new ConnectOutcome(state.HostId, null);
        }
        catch (ConsentIncompleteException exception)
        {
            logger.LogInformation("Connecting {Provider} for host {Host} was approved without the access meetings need", connector.ProviderId, state.HostId);
            return ConnectOutcome.Fail(state.HostId, exception.Message);
        }
        catch (MeetingProviderException exception)
        {
            logger.LogWarning("Connecting {Provider} for host {Host} failed: {Error}", connector.ProviderId, state.HostId, exception.Message);
            return ConnectOutcome.Fail(state.HostId, $"{name} did not accept the connection. Please try again; if it keeps failing, ask your clinic admin to check the {name} settings.");
        }
    }

    /// <summary>Revokes the grant at the provider (best effort) and deletes the tokens. Returns false when the provider could not be told.</summary>
    public async Task<bool> DisconnectAsync(IOAuthConnector connector, Guid hostId, CancellationToken cancellationToken)
    {
        var connection = await FindAsync(connector.ProviderId, hostId, cancellationToken);
        if (connection is null)
        {
            return true;
        }

        var revoked = true;
        if (connection.ProtectedAccessToken is not null)
        {
            try
            {
                await connector.RevokeAsync(connection, secrets.UnprotectToken(connection.ProtectedAccessToken), cancellationToken);
            }
            catch (MeetingProviderException exception)
            {
                revoked = false;
                logger.LogWarning("Revoking {Provider} for host {Host} failed; the tokens are deleted anyway: {Error}", connector.ProviderId, hostId, exception.Message);
            }
        }

        await db.Connections.Where(c => c.Id == connection.Id).ExecuteDeleteAsync(cancellationToken);
        await UnlinkIfUnusedAsync(connector, connection.ExternalUserId, cancellationToken);
        return revoked;
    }

    /// <summary>The provider says the user removed the app: delete that account's connections in this clinic.</summary>
    public async Task<int> ForgetAccountAsync(IOAuthConnector connector, string externalUserId, CancellationToken cancellationToken)
    {
        var removed = await db.Connections.Where(c => c.Provider == connector.ProviderId && c.ExternalUserId == externalUserId).ExecuteDeleteAsync(cancellationToken);
        await UnlinkIfUnusedAsync(connector, externalUserId, cancellationToken);
        return removed;
    }

    private async Task<OAuthState?> ConsumeStateAsync(string stateId, CancellationToken cancellationToken)
    {
        // DELETE ... RETURNING: of two callbacks racing with one state, exactly one gets the row. Not composable,
        // so EF's tenant filter is off here; row-level security still confines the delete to this clinic.
        var rows = await db.OAuthStates.FromSql($"DELETE FROM meetings_oauth_states WHERE id = {stateId} RETURNING *")
            .IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    private async Task SaveConnectionAsync(IOAuthConnector connector, OAuthState state, OAuthGrant grant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Connections.SingleOrDefaultAsync(c => c.Provider == connector.ProviderId && c.HostId == state.HostId, cancellationToken);
        var connection = existing ?? new HostConnection { Id = Guid.NewGuid(), Provider = connector.ProviderId, HostId = state.HostId };
        var previousUser = existing?.ExternalUserId;
        connection.ClientId = grant.ClientId;
        connection.ExternalUserId = grant.ExternalUserId;
        connection.ExternalAccountId = grant.ExternalAccountId;
        connection.Email = grant.Email;
        connection.ProtectedAccessToken = secrets.ProtectToken(grant.Tokens.AccessToken);
        connection.ProtectedRefreshToken = secrets.ProtectToken(grant.Tokens.RefreshToken);
        connection.AccessTokenExpiresAt = grant.Tokens.ExpiresAt;
        connection.Scopes = grant.Tokens.Scopes;
        connection.Status = HostConnection.Connected;
        connection.LostReason = null;
        connection.ConnectedByUserId = state.UserId;
        connection.ConnectedAt = now;
        connection.UpdatedAt = now;
        if (existing is null)
        {
            db.Connections.Add(connection);
        }

        await db.SaveChangesAsync(cancellationToken);
        await connector.LinkedAsync(grant.ExternalUserId, cancellationToken);
        if (previousUser is not null && previousUser != grant.ExternalUserId)
        {
            await UnlinkIfUnusedAsync(connector, previousUser, cancellationToken);
        }
    }

    private async Task UnlinkIfUnusedAsync(IOAuthConnector connector, string externalUserId, CancellationToken cancellationToken)
    {
        if (!await db.Connections.AnyAsync(c => c.Provider == connector.ProviderId && c.ExternalUserId == externalUserId, cancellationToken))
        {
            await connector.UnlinkedAsync(externalUserId, cancellationToken);
        }
    }
}

public sealed record ConnectOutcome(Guid? HostId, string? Error)
{
    public bool Succeeded => Error is null;

    public static ConnectOutcome Fail(Guid? hostId, string error) => new(hostId, error);
}
