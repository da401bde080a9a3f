using Telemed.Meetings.Data;

namespace Telemed.Meetings.Providers;

/// <summary>
/// The OAuth side of a provider whose hosts connect their own accounts. Meetings runs the flow (PKCE, the signed
/// single-use state, encrypted tokens, single-flight refresh, revoke on disconnect); the connector only speaks
/// the provider's endpoints.
/// </summary>
public interface IOAuthConnector
{
    string ProviderId { get; }

    /// <summary>Whether hosts can connect at all (an app is configured, or the sandbox is mounted).</summary>
    bool IsAvailable { get; }

    /// <summary>The clinic path the provider sends the browser back to (registered with the provider's app).</summary>
    string CallbackPath { get; }

    /// <summary>The provider's consent page for this request.</summary>
    Task<string> AuthorizeUrlAsync(string redirectUri, string state, string codeChallenge, CancellationToken cancellationToken);

    /// <summary>Trades the code for tokens and says whose account it is.</summary>
    Task<OAuthGrant> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken);

    /// <summary>New tokens for a connection. A refused grant throws <see cref="HostConnectionLostException"/>.</summary>
    Task<OAuthTokens> RefreshAsync(HostConnection connection, string refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes the grant at the provider; throws when the provider could not be told.</summary>
    Task RevokeAsync(HostConnection connection, string accessToken, CancellationToken cancellationToken);

    /// <summary>An account of the provider is now connected in this clinic (the provider may route its webhooks by it).</summary>
    Task LinkedAsync(string externalUserId, CancellationToken cancellationToken);

    /// <summary>No connection of this clinic uses the account any more.</summary>
    Task UnlinkedAsync(string externalUserId, CancellationToken cancellationToken);
}

public sealed record OAuthTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string Scopes);

/// <summary>The tokens of a completed connect, the app that issued them and the account they are for.</summary>
public sealed record OAuthGrant(OAuthTokens Tokens, string ClientId, string ExternalUserId, string ExternalAccountId, string Email);
