using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Zoom.Accounts;

namespace Telemed.Sandbox.Zoom.OAuth;

/// <summary>
/// Consent nonces, authorization codes, access and refresh tokens of the sandbox's Zoom app.
/// Refresh tokens rotate: a successful refresh retires the token it used, as Zoom does.
/// </summary>
public sealed class ZoomTokenStore(IOptions<SandboxOptions> options, TimeProvider clock)
{
    // Looks like the JWT header Zoom's tokens start with; clients must treat tokens as opaque anyway.
    private const string TokenHeader = "eyJzdiI6IjAwMDAwMSIsImFsZyI6IkhTNTEyIn0";
    private static readonly TimeSpan ConsentLifetime = TimeSpan.FromMinutes(10);

    private readonly ZoomSandboxOptions _options = options.Value.Zoom;
    private readonly object _gate = new();
    private readonly Dictionary<string, (AuthorizationRequest Request, DateTimeOffset ExpiresAt)> _consents = new();
    private readonly Dictionary<string, Code> _codes = new();
    private readonly Dictionary<string, Grant> _accessTokens = new();
    private readonly Dictionary<string, Grant> _refreshTokens = new();
    private readonly Dictionary<string, ZoomTokenStats> _stats = new();

    /// <summary>Keeps a validated authorize request behind a single-use nonce that the consent form posts back.</summary>
    public string BeginConsent(AuthorizationRequest request)
    {
        var nonce = RandomToken(24);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var stale in _consents.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
            {
                _consents.Remove(stale);
            }

            _consents[nonce] = (request, now + ConsentLifetime);
        }

        return nonce;
    }

    public AuthorizationRequest? CompleteConsent(string nonce)
    {
        lock (_gate)
        {
            return _consents.Remove(nonce, out var consent) && consent.ExpiresAt > clock.GetUtcNow() ? consent.Request : null;
        }
    }

    public void RecordDenial(ZoomUser user)
    {
        lock (_gate)
        {
            StatsOf(user.Id).ConsentsDenied++;
        }
    }

    public string IssueCode(AuthorizationRequest request, ZoomUser user)
    {
        var code = RandomToken(24);
        lock (_gate)
        {
            _codes[code] = new Code(request, user, clock.GetUtcNow() + _options.AuthorizationCodeLifetime);
            StatsOf(user.Id).ConsentsGranted++;
        }

        return code;
    }

    public TokenOutcome ExchangeCode(string? code, string? redirectUri, string? codeVerifier)
    {
        if (string.IsNullOrEmpty(code))
        {
            return TokenOutcome.Fail(400, "invalid_request", "Missing required parameter: code");
        }

        lock (_gate)
        {
            // Codes are single-use: removed before any check, so a failed attempt also burns it.
            if (!_codes.Remove(code, out var issued) || issued.ExpiresAt <= clock.GetUtcNow())
            {
                return TokenOutcome.Fail(400, "invalid_grant", $"Invalid authorization code {code}");
            }

            var stats = StatsOf(issued.User.Id);
            stats.CodeExchanges++;
            if (!string.Equals(redirectUri, issued.Request.RedirectUri, StringComparison.Ordinal))
            {
                return TokenOutcome.Fail(400, "invalid_grant", "Redirect URI mismatch.");
            }

            if (issued.Request.CodeChallenge is { } challenge
                && !Pkce.Verify(challenge, issued.Request.CodeChallengeMethod ?? Pkce.Plain, codeVerifier))
            {
                return TokenOutcome.Fail(400, "invalid_grant", "Invalid code_verifier.");
            }

            return TokenOutcome.Success(IssueTokens(issued.User));
        }
    }

    public TokenOutcome Refresh(string? refreshToken)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(refreshToken) || !_refreshTokens.TryGetValue(refreshToken, out var grant))
            {
                return TokenOutcome.Fail(400, "invalid_request", "Invalid Token!");
            }

            var stats = StatsOf(grant.User.Id);
            stats.RefreshRequests++;
            if (grant.Status != GrantStatus.Active)
            {
                stats.RefreshFailures++;
                return TokenOutcome.Fail(400, "invalid_request", "Invalid Token!");
            }

            grant.Status = GrantStatus.Rotated;
            stats.Refreshes++;
            return TokenOutcome.Success(IssueTokens(grant.User));
        }
    }

    /// <summary>Checks a bearer token and tells whose it is (also for expired or revoked tokens).</summary>
    public (AccessTokenState State, ZoomUser? User, string Scopes) CheckAccessToken(string? token)
    {
        lock (_gate)
        {
            if (token is null || !_accessTokens.TryGetValue(token, out var grant))
            {
                return (AccessTokenState.Invalid, null, "");
            }

            if (grant.Status != GrantStatus.Active)
            {
                return (AccessTokenState.Invalid, grant.User, grant.Scopes);
            }

            return grant.ExpiresAt <= clock.GetUtcNow()
                ? (AccessTokenState.Expired, grant.User, grant.Scopes)
                : (AccessTokenState.Valid, grant.User, grant.Scopes);
        }
    }

    /// <summary>The user an access token, refresh token or authorization code belongs to, if any.</summary>
    public ZoomUser? FindOwner(string? tokenOrCode)
    {
        if (string.IsNullOrEmpty(tokenOrCode))
        {
            return null;
        }

        lock (_gate)
        {
            return _accessTokens.GetValueOrDefault(tokenOrCode)?.User
                ?? _refreshTokens.GetValueOrDefault(tokenOrCode)?.User
                ?? _codes.GetValueOrDefault(tokenOrCode)?.User;
        }
    }

    /// <summary>Revokes every token of the user (the app is deauthorized for them). Returns false when there was nothing to revoke.</summary>
    public bool RevokeAll(ZoomUser user, bool countAsRevocation = true)
    {
        lock (_gate)
        {
            var active = _accessTokens.Values.Concat(_refreshTokens.Values)
                .Where(g => g.User.Id == user.Id && g.Status == GrantStatus.Active)
                .ToList();
            active.ForEach(g => g.Status = GrantStatus.Revoked);
            if (countAsRevocation)
            {
                StatsOf(user.Id).Revocations++;
            }

            return active.Count > 0;
        }
    }

    /// <summary>Makes the user's current access tokens expired now, so the next API call gets "Access token is expired."</summary>
    public int ExpireAccessTokens(ZoomUser user)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var live = _accessTokens.Values.Where(g => g.User.Id == user.Id && g.ExpiresAt > now).ToList();
            live.ForEach(g => g.ExpiresAt = now);
            return live.Count;
        }
    }

    public ZoomTokenStats StatsFor(ZoomUser user)
    {
        lock (_gate)
        {
            return StatsOf(user.Id).Copy();
        }
    }

    public IReadOnlyList<IssuedToken> TokensOf(ZoomUser user)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            return _accessTokens.Values.Where(g => g.User.Id == user.Id)
                .Select(g => new IssuedToken(g.Token, "access", user.Id, g.IssuedAt, g.ExpiresAt,
                    g.Status == GrantStatus.Active && g.ExpiresAt <= now ? "expired" : Describe(g.Status)))
                .Concat(_refreshTokens.Values.Where(g => g.User.Id == user.Id)
                    .Select(g => new IssuedToken(g.Token, "refresh", user.Id, g.IssuedAt, null, Describe(g.Status))))
                .OrderBy(t => t.IssuedAt)
                .ToArray();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _consents.Clear();
            _codes.Clear();
            _accessTokens.Clear();
            _refreshTokens.Clear();
            _stats.Clear();
        }
    }

    private TokenResponse IssueTokens(ZoomUser user)
    {
        var now = clock.GetUtcNow();
        var settings = user.Settings;
        var lifetime = settings.TokenLifetime ?? _options.AccessTokenLifetime;
        var scopes = settings.Scopes ?? _options.Scopes;
        var access = new Grant($"{TokenHeader}.{RandomToken(32)}", user, scopes, now, now + lifetime);
        var refresh = new Grant($"{TokenHeader}.{RandomToken(48)}", user, scopes, now, DateTimeOffset.MaxValue);
        _accessTokens[access.Token] = access;
        _refreshTokens[refresh.Token] = refresh;
        StatsOf(user.Id).AccessTokensIssued++;
        return new TokenResponse(access.Token, "bearer", refresh.Token, (int)lifetime.TotalSeconds, scopes, "https://api.zoom.us");
    }

    private ZoomTokenStats StatsOf(string userId) =>
        _stats.TryGetValue(userId, out var stats) ? stats : _stats[userId] = new ZoomTokenStats();

    private static string Describe(GrantStatus status) => status switch
    {
        GrantStatus.Active => "active",
        GrantStatus.Rotated => "rotated",
        _ => "revoked",
    };

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private enum GrantStatus
    {
        Active,
        Rotated,
        Revoked,
    }

    private sealed record Code(AuthorizationRequest Request, ZoomUser User, DateTimeOffset ExpiresAt);

    private sealed class Grant(string token, ZoomUser user, string scopes, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        public string Token { get; } = token;
        public ZoomUser User { get; } = user;
        public string Scopes { get; } = scopes;
        public DateTimeOffset IssuedAt { get; } = issuedAt;
        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
        public GrantStatus Status { get; set; } = GrantStatus.Active;
    }
}
