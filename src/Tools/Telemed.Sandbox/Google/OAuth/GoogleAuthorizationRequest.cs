namespace Telemed.Sandbox.Google.OAuth;

/// <summary>
/// The validated parameters of an authorization request, kept server-side while the consent page is open.
/// <paramref name="Scope"/> is the requested scope as sent (space-separated); <paramref name="Offline"/> is
/// <c>access_type=offline</c>; <paramref name="PromptConsent"/> is <c>prompt=consent</c>.
/// </summary>
public sealed record GoogleAuthorizationRequest(
    string ClientId,
    string RedirectUri,
    string? State,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string Scope,
    bool Offline,
    bool PromptConsent)
{
    /// <summary><c>include_granted_scopes=true</c>: the new grant also carries the scopes the account granted this client before.</summary>
    public bool IncludeGrantedScopes { get; init; }
}
