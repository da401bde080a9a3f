using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Zoom.OAuth;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>
/// Authorization codes, grants and tokens of the sandbox's Google client, with Google's rules:
/// refresh tokens do not rotate; a refresh token is issued only with offline access, and again for an account that
/// already granted this client only with prompt=consent; revoking any token ends the account's authorization of the
/// client; a client in "testing" hands out refresh tokens that die after <see cref="GoogleSandboxOptions.TestingRefreshTokenLifetime"/>.
/// </summary>
public sealed partial class GoogleTokenStore(IOptions<SandboxOptions> options, GoogleAppState app, TimeProvider clock)
{
    // Google keeps this many refresh tokens per account and client; issuing one more invalidates the oldest.
    private const int MaxRefreshTokensPerClient = 100;

    private readonly GoogleSandboxOptions _options = options.Value.Google;
    private readonly object _gate = new();
    private readonly Dictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly List<GoogleGrant> _grants = [];
    private readonly Dictionary<string, GoogleGrant> _byRefreshToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoogleAccessToken> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoogleTokenStats> _stats = new(StringComparer.Ordinal);
    private int _nextGrantId;

    public void RecordDenial(GoogleAccount account)
    {
        lock (_gate)
        {
            StatsOf(account).ConsentsDenied++;
        }
    }

    /// <summary>
    /// The account consented to <paramref name="grantedScope"/> (space-separated; "email"/"profile" are expanded).
    /// With <see cref="GoogleAuthorizationRequest.IncludeGrantedScopes"/> the scopes the account granted the client before are added.
    /// </summary>
    public string IssueCode(GoogleAuthorizationRequest request, GoogleAccount account, string grantedScope) =>
        IssueCode(request, account, grantedScope, out _);

    /// <summary>As <see cref="IssueCode(GoogleAuthorizationRequest, GoogleAccount, string)"/>, also telling the scope the code grants (for the redirect).</summary>
    public string IssueCode(GoogleAuthorizationRequest request, GoogleAccount account, string grantedScope, out string scope)
    {
        // Google's codes start with "4/": clients must URL-encode them.
        var code = "4/0" + RandomToken(32);
        lock (_gate)
        {
            var scopes = GoogleScopes.Parse(grantedScope).AsEnumerable();
            if (request.IncludeGrantedScopes)
            {
                scopes = _grants.Where(g => IsAuthorizationOf(g, account, request.ClientId) && !g.Revoked)
                    .SelectMany(g => g.Scopes).Concat(scopes);
            }

            scope = GoogleScopes.Join(scopes);
            _codes[code] = new IssuedCode(request, account, scope, clock.GetUtcNow() + _options.AuthorizationCodeLifetime);
            StatsOf(account).ConsentsGranted++;
        }

        return code;
    }

    public GoogleTokenOutcome ExchangeCode(string clientId, string? code, string? redirectUri, string? codeVerifier)
    {
        if (string.IsNullOrEmpty(code))
        {
            return GoogleTokenOutcome.Fail(400, "invalid_request", "Missing required parameter: code");
        }

        lock (_gate)
        {
            // Codes are single-use: removed before any check, so a failed attempt also burns it.
            if (!_codes.Remove(code, out var issued))
            {
                return GoogleTokenOutcome.BadCode();
            }

            var stats = StatsOf(issued.Account);
            stats.TokenRequests++;
            stats.CodeExchanges++;
            if (issued.ExpiresAt <= clock.GetUtcNow() || issued.Request.ClientId != clientId)
            {
                return GoogleTokenOutcome.BadCode();
            }

            if (!string.Equals(redirectUri, issued.Request.RedirectUri, StringComparison.Ordinal))
            {
                return GoogleTokenOutcome.Fail(400, "redirect_uri_mismatch", "Bad Request");
            }

            if (issued.Request.CodeChallenge is { } challenge)
            {
                if (string.IsNullOrEmpty(codeVerifier))
                {
                    return GoogleTokenOutcome.BadCode("Missing code verifier.");
                }

                if (!Pkce.Verify(challenge, issued.Request.CodeChallengeMethod ?? Pkce.Plain, codeVerifier))
                {
                    return GoogleTokenOutcome.BadCode();
                }
            }

            return GoogleTokenOutcome.Success(IssueGrant(issued));
        }
    }

    public GoogleTokenOutcome Refresh(string clientId, string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return GoogleTokenOutcome.Fail(400, "invalid_request", "Missing required parameter: refresh_token");
        }

        lock (_gate)
        {
            if (!_byRefreshToken.TryGetValue(refreshToken, out var grant))
            {
                return GoogleTokenOutcome.ExpiredOrRevoked();
            }

            var stats = StatsOf(grant.Account);
            stats.TokenRequests++;
            stats.RefreshRequests++;
            if (grant.ClientId != clientId)
            {
                stats.RefreshFailures++;
                return GoogleTokenOutcome.Fail(400, "unauthorized_client", "Unauthorized");
            }

            var now = clock.GetUtcNow();
            if (grant.Revoked || IsPastTestingLifetime(grant, now))
            {
                stats.RefreshFailures++;
                return GoogleTokenOutcome.ExpiredOrRevoked();
            }

            // No rotation: the same refresh token keeps working, and the answer carries none.
            stats.Refreshes++;
            return GoogleTokenOutcome.Success(Respond(grant, NewAccessToken(grant, now), refreshToken: null, now));
        }
    }

    /// <summary>
    /// Revokes the account's whole authorization of the client the token belongs to (refresh and access tokens).
    /// False when the token is unknown, expired or already revoked.
    /// </summary>
    public bool Revoke(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var grant = _accessTokens.TryGetValue(token, out var access) && access.ExpiresAt > now ? access.Grant
                : _byRefreshToken.TryGetValue(token, out var byRefresh) && !IsPastTestingLifetime(byRefresh, now) ? byRefresh
                : null;
            if (grant is null || grant.Revoked)
            {
                return false;
            }

            RevokeAuthorization(grant.Account, grant.ClientId);
            StatsOf(grant.Account).Revokes++;
            return true;
        }
    }

    /// <summary>Checks a bearer token: whose it is, whether it still works, and what it was granted.</summary>
    public (GoogleAccessTokenState State, GoogleAccount? Account, IReadOnlyList<string> Scopes) CheckAccessToken(string? token)
    {
        lock (_gate)
        {
            if (token is null || !_accessTokens.TryGetValue(token, out var access))
            {
                return (GoogleAccessTokenState.Unknown, null, []);
            }

            var grant = access.Grant;
            var state = grant.Revoked ? GoogleAccessTokenState.Revoked
                : access.ExpiresAt <= clock.GetUtcNow() ? GoogleAccessTokenState.Expired
                : GoogleAccessTokenState.Valid;
            return (state, grant.Account, grant.Scopes);
        }
    }

    /// <summary>The account an access token, refresh token or authorization code belongs to, if any.</summary>
    public GoogleAccount? FindOwner(string? tokenOrCode)
    {
        if (string.IsNullOrEmpty(tokenOrCode))
        {
            return null;
        }

        lock (_gate)
        {
            return _accessTokens.GetValueOrDefault(tokenOrCode)?.Grant.Account
                ?? _byRefreshToken.GetValueOrDefault(tokenOrCode)?.Account
                ?? _codes.GetValueOrDefault(tokenOrCode)?.Account;
        }
    }

    private GoogleTokenResponse IssueGrant(IssuedCode issued)
    {
        var now = clock.GetUtcNow();
        var (request, account) = (issued.Request, issued.Account);

        // Google hands out a refresh token on the first offline grant only, unless consent is forced again.
        var hasLiveRefreshToken = _grants.Any(g => IsAuthorizationOf(g, account, request.ClientId) && g.RefreshToken is not null
            && !g.Revoked && !IsPastTestingLifetime(g, now));
        var refreshToken = request.Offline && (request.PromptConsent || !hasLiveRefreshToken) ? "1//0" + RandomToken(48) : null;

        var grant = new GoogleGrant($"g{++_nextGrantId}", account, request.ClientId, issued.Scope, now, refreshToken, app.Current.IsTesting);
        _grants.Add(grant);
        if (refreshToken is not null)
        {
            _byRefreshToken[refreshToken] = grant;
            StatsOf(account).RefreshTokensIssued++;
            RetireOldestRefreshTokensBeyondLimit(account, request.ClientId);
        }

        return Respond(grant, NewAccessToken(grant, now), refreshToken, now);
    }

    private GoogleTokenResponse Respond(GoogleGrant grant, GoogleAccessToken access, string? refreshToken, DateTimeOffset now)
    {
        int? refreshExpiresIn = grant.RefreshTokenExpiresAt(app.Current.IsTesting, _options.TestingRefreshTokenLifetime) is { } expiresAt
            ? (int)Math.Max(0, (expiresAt - now).TotalSeconds)
            : null;
        var idToken = grant.Scopes.Contains(GoogleScopes.OpenId)
            ? GoogleIdToken.Create(grant.Account, grant.ClientId, _options.ClientSecret, grant.Scopes, now)
            : null;
        return new GoogleTokenResponse(access.Token, (int)(access.ExpiresAt - now).TotalSeconds, refreshToken, grant.Scope, "Bearer", idToken, refreshExpiresIn);
    }

    private GoogleAccessToken NewAccessToken(GoogleGrant grant, DateTimeOffset now)
    {
        var lifetime = grant.Account.Settings.AccessTokenLifetime ?? _options.AccessTokenLifetime;
        var access = new GoogleAccessToken("ya29." + RandomToken(48), grant, now, now + lifetime);
        grant.AccessTokens.Add(access);
        _accessTokens[access.Token] = access;
        StatsOf(grant.Account).AccessTokensIssued++;
        return access;
    }

    private void RevokeAuthorization(GoogleAccount account, string clientId) =>
        _grants.Where(g => IsAuthorizationOf(g, account, clientId)).ToList().ForEach(g => g.Revoked = true);

    private void RetireOldestRefreshTokensBeyondLimit(GoogleAccount account, string clientId)
    {
        var live = _grants.Where(g => IsAuthorizationOf(g, account, clientId) && g.RefreshToken is not null && !g.Revoked).ToList();
        foreach (var oldest in live.Take(Math.Max(0, live.Count - MaxRefreshTokensPerClient)))
        {
            oldest.Revoked = true;
        }
    }

    private bool IsPastTestingLifetime(GoogleGrant grant, DateTimeOffset now) =>
        grant.RefreshTokenExpiresAt(app.Current.IsTesting, _options.TestingRefreshTokenLifetime) <= now;

    private static bool IsAuthorizationOf(GoogleGrant grant, GoogleAccount account, string clientId) =>
        grant.Account.Id == account.Id && grant.ClientId == clientId;

    private GoogleTokenStats StatsOf(GoogleAccount account) =>
        _stats.TryGetValue(account.Id, out var stats) ? stats : _stats[account.Id] = new GoogleTokenStats();

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record IssuedCode(GoogleAuthorizationRequest Request, GoogleAccount Account, string Scope, DateTimeOffset ExpiresAt);
}
