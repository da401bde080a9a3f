using Telemed.Sandbox.Google.Accounts;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>
/// What one code exchange granted: the scopes, the refresh token when offline access was granted, and the access
/// tokens minted from it. Mutated only under the token store's lock.
/// </summary>
internal sealed class GoogleGrant(string id, GoogleAccount account, string clientId, string scope, DateTimeOffset issuedAt, string? refreshToken, bool issuedInTesting)
{
    public string Id { get; } = id;
    public GoogleAccount Account { get; } = account;
    public string ClientId { get; } = clientId;
    public string Scope { get; } = scope;

    /// <summary>Moved back by the control endpoint that ages grants.</summary>
    public DateTimeOffset IssuedAt { get; set; } = issuedAt;

    public string? RefreshToken { get; } = refreshToken;

    /// <summary>Issued while the client was in "testing": the refresh token dies after the testing lifetime.</summary>
    public bool IssuedInTesting { get; } = issuedInTesting;

    public bool Revoked { get; set; }

    public List<GoogleAccessToken> AccessTokens { get; } = [];

    public IReadOnlyList<string> Scopes => GoogleScopes.Parse(Scope);

    /// <summary>
    /// When the refresh token dies of a testing client's limit: a grant issued while testing keeps the limit, and any
    /// grant has it while the client is in testing. Null for grants without a refresh token or without a limit.
    /// </summary>
    public DateTimeOffset? RefreshTokenExpiresAt(bool clientInTesting, TimeSpan testingLifetime) =>
        RefreshToken is not null && (IssuedInTesting || clientInTesting) ? IssuedAt + testingLifetime : null;

    public GoogleGrantView ToView(DateTimeOffset now, bool clientInTesting, TimeSpan testingLifetime, bool withTokens)
    {
        var expiresAt = RefreshTokenExpiresAt(clientInTesting, testingLifetime);
        var status = Revoked ? "revoked" : expiresAt <= now ? "expired" : "active";
        var tokens = withTokens
            ? AccessTokens.Select(t => new GoogleAccessTokenView(t.Token, t.IssuedAt, t.ExpiresAt, Revoked ? "revoked" : t.ExpiresAt <= now ? "expired" : "active")).ToArray()
            : null;
        return new GoogleGrantView(Id, ClientId, Scope, IssuedAt, status, Offline: RefreshToken is not null, TimeLimited: expiresAt is not null,
            expiresAt, withTokens ? RefreshToken : null, tokens);
    }
}

internal sealed class GoogleAccessToken(string token, GoogleGrant grant, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
{
    public string Token { get; } = token;
    public GoogleGrant Grant { get; } = grant;
    public DateTimeOffset IssuedAt { get; set; } = issuedAt;
    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
}
