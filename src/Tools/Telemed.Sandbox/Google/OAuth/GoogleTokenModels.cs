namespace Telemed.Sandbox.Google.OAuth;

/// <summary>A token-endpoint answer: the tokens, or Google's <c>{"error", "error_description"}</c> with its status.</summary>
public sealed record GoogleTokenOutcome(GoogleTokenResponse? Tokens, int StatusCode, GoogleOAuthError? Error)
{
    public static GoogleTokenOutcome Success(GoogleTokenResponse tokens) => new(tokens, 200, null);

    public static GoogleTokenOutcome Fail(int statusCode, string error, string description) => new(null, statusCode, new GoogleOAuthError(error, description));

    /// <summary>A dead refresh token: revoked, unknown, or past a testing app's lifetime.</summary>
    public static GoogleTokenOutcome ExpiredOrRevoked() => Fail(400, "invalid_grant", "Token has been expired or revoked.");

    /// <summary>A reused, expired or unknown code, or a PKCE mismatch.</summary>
    public static GoogleTokenOutcome BadCode(string description = "Bad Request") => Fail(400, "invalid_grant", description);
}

/// <summary>
/// Google's token response. <see cref="RefreshToken"/> only on a code exchange that grants offline access;
/// <see cref="IdToken"/> only when openid was granted; <see cref="RefreshTokenExpiresIn"/> only for time-limited grants.
/// </summary>
public sealed record GoogleTokenResponse(
    string AccessToken,
    int ExpiresIn,
    string? RefreshToken,
    string Scope,
    string TokenType,
    string? IdToken,
    int? RefreshTokenExpiresIn);

public sealed record GoogleOAuthError(string Error, string ErrorDescription);

/// <summary>Result of checking a bearer token on an API call.</summary>
public enum GoogleAccessTokenState
{
    Valid,
    Expired,
    Revoked,
    Unknown,
}

/// <summary>Token and consent counters of one account, for tests that assert how often the product asked.</summary>
public sealed class GoogleTokenStats
{
    public int ConsentsGranted { get; set; }
    public int ConsentsDenied { get; set; }

    /// <summary>Every token-endpoint call made for the account (code exchanges and refreshes, failed ones included).</summary>
    public int TokenRequests { get; set; }

    public int CodeExchanges { get; set; }
    public int RefreshRequests { get; set; }
    public int Refreshes { get; set; }
    public int RefreshFailures { get; set; }

    /// <summary>Successful calls to the revoke endpoint.</summary>
    public int Revokes { get; set; }

    public int AccessTokensIssued { get; set; }
    public int RefreshTokensIssued { get; set; }

    public GoogleTokenStats Copy() => (GoogleTokenStats)MemberwiseClone();
}

/// <summary>A grant as the control endpoints show it: what was granted, when, and its tokens.</summary>
public sealed record GoogleGrantView(
    string Id,
    string ClientId,
    string Scope,
    DateTimeOffset IssuedAt,
    string Status,
    bool Offline,
    bool TimeLimited,
    DateTimeOffset? RefreshTokenExpiresAt,
    string? RefreshToken,
    IReadOnlyList<GoogleAccessTokenView>? AccessTokens);

public sealed record GoogleAccessTokenView(string Token, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Status);
