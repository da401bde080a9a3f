namespace Telemed.Sandbox.Zoom.OAuth;

/// <summary>The validated parameters of an authorize request, kept server-side while the consent page is open.</summary>
public sealed record AuthorizationRequest(
    string ClientId,
    string RedirectUri,
    string? State,
    string? CodeChallenge,
    string? CodeChallengeMethod);

/// <summary>A token-endpoint answer: the token response, or Zoom's small error body with its status.</summary>
public sealed record TokenOutcome(TokenResponse? Tokens, int StatusCode, OAuthError? Error)
{
    public static TokenOutcome Success(TokenResponse tokens) => new(tokens, 200, null);

    public static TokenOutcome Fail(int statusCode, string error, string reason) => new(null, statusCode, new OAuthError(reason, error));
}

public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    string RefreshToken,
    int ExpiresIn,
    string Scope,
    string ApiUrl);

/// <summary>Zoom's OAuth error body: <c>{"reason": "...", "error": "..."}</c>.</summary>
public sealed record OAuthError(string Reason, string Error);

/// <summary>Token and grant counters of one account, for tests that assert how often the product refreshed.</summary>
public sealed class ZoomTokenStats
{
    public int ConsentsGranted { get; set; }
    public int ConsentsDenied { get; set; }
    public int CodeExchanges { get; set; }
    public int RefreshRequests { get; set; }
    public int Refreshes { get; set; }
    public int RefreshFailures { get; set; }
    public int Revocations { get; set; }
    public int AccessTokensIssued { get; set; }

    public ZoomTokenStats Copy() => (ZoomTokenStats)MemberwiseClone();
}

/// <summary>Result of checking a bearer token on an API call.</summary>
public enum AccessTokenState
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>A token as the inspection endpoints show it.</summary>
public sealed record IssuedToken(string Token, string Kind, string UserId, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, string Status);
