using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.OAuth;
using Telemed.Sandbox.Zoom.OAuth;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>
/// Google's authorization endpoint <c>/o/oauth2/v2/auth</c>: GET validates the request and shows the consent page,
/// POST completes it and redirects back with a code (or <c>error=access_denied</c>).
/// </summary>
internal static class GoogleConsentEndpoints
{
    public static void MapGoogleConsentEndpoints(this RouteGroupBuilder oauth)
    {
        oauth.MapGet("/auth", ShowConsent).WithName("google.oauth.authorize");
        oauth.MapPost("/auth", CompleteConsentAsync).WithName("google.oauth.consent").DisableAntiforgery();
    }

    private static IResult ShowConsent(HttpRequest request, IOptions<SandboxOptions> options, GoogleConsentNonces nonces, GoogleAccountDirectory accounts)
    {
        var app = options.Value.Google;
        string? Param(string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

        // Until client and redirect URI are known to be good, Google answers on its own page rather than redirecting.
        var clientId = Param("client_id");
        var redirectUri = Param("redirect_uri");
        if (clientId is null)
        {
            return GoogleConsentPage.Error("invalid_request", "Missing required parameter: client_id");
        }

        if (clientId != app.ClientId)
        {
            return GoogleConsentPage.Error("invalid_client", "The OAuth client was not found.", 401);
        }

        if (redirectUri is null || !RedirectAllowList.Allows(redirectUri, app.EffectiveRedirectUris, app.AllowLoopbackRedirectUris))
        {
            return GoogleConsentPage.Error("redirect_uri_mismatch",
                $"You can't sign in to this app because it doesn't comply with Google's OAuth policy: the redirect URI {redirectUri} is not registered for the client.");
        }

        var scope = Param("scope");
        var challenge = Param("code_challenge");
        var method = Param("code_challenge_method");
        var accessType = Param("access_type");
        var prompts = (Param("prompt") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var problem = Param("response_type") != "code" ? "Invalid response_type: only \"code\" is supported."
            : scope is null ? "Missing required parameter: scope"
            : method is not null && challenge is null ? "Missing required parameter: code_challenge"
            : challenge is not null && !Pkce.IsSupportedMethod(method ?? Pkce.Plain) ? "Invalid code_challenge_method value."
            : accessType is not (null or "online" or "offline") ? $"Invalid access_type: {accessType}"
            : prompts.Any(p => p is not ("none" or "consent" or "select_account")) ? "Invalid prompt value."
            : null;
        if (problem is not null)
        {
            return GoogleConsentPage.Error("invalid_request", problem);
        }

        var unknown = GoogleScopes.Parse(scope).Where(s => !GoogleScopes.IsKnown(s)).ToList();
        if (unknown.Count > 0)
        {
            return GoogleConsentPage.Error("invalid_scope", $"Some requested scopes were invalid. {{invalid=[{string.Join(", ", unknown)}]}}");
        }

        var state = Param("state");
        if (prompts.Contains("none"))
        {
            // The sandbox keeps no signed-in session, so a request that forbids any screen cannot be answered silently.
            return Results.Redirect(WithQuery(redirectUri, ("error", "interaction_required"), ("state", state)));
        }

        var authorization = new GoogleAuthorizationRequest(clientId, redirectUri, state, challenge, challenge is null ? null : method ?? Pkce.Plain,
            scope!, Offline: accessType == "offline", PromptConsent: prompts.Contains("consent"))
        {
            IncludeGrantedScopes = Param("include_granted_scopes") == "true",
        };
        var known = accounts.All().Select(a => a.Email).ToList();
        return GoogleConsentPage.Consent(nonces.Begin(authorization), authorization, known, Param("login_hint") ?? known.FirstOrDefault());
    }

    private static async Task<IResult> CompleteConsentAsync(HttpRequest request, GoogleConsentNonces nonces, GoogleTokenStore tokens, GoogleAccountDirectory accounts)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var authorization = nonces.Complete(form["nonce"].ToString());
        if (authorization is null)
        {
            return GoogleConsentPage.Error("invalid_request", "This sign-in request has expired or was already answered. Start the connection again.");
        }

        var email = form["email"].ToString();
        if (accounts.FindOrCreate(email) is not { } account)
        {
            var known = accounts.All().Select(a => a.Email).ToList();
            return GoogleConsentPage.Consent(nonces.Begin(authorization), authorization, known, email,
                "Enter the e-mail address of the sandbox Google account that signs in.");
        }

        var requested = GoogleScopes.Parse(authorization.Scope);
        var ticked = form["scope"].Select(s => s ?? "").ToHashSet(StringComparer.Ordinal);
        var granted = requested.Where(s => GoogleScopes.IsIdentity(s) || ticked.Contains(s)).ToList();
        if (form["decision"] != "allow" || granted.Count == 0)
        {
            tokens.RecordDenial(account);
            return Results.Redirect(WithQuery(authorization.RedirectUri, ("error", "access_denied"), ("state", authorization.State)));
        }

        var code = tokens.IssueCode(authorization, account, GoogleScopes.Join(granted), out var scope);
        return Results.Redirect(WithQuery(authorization.RedirectUri,
            ("state", authorization.State), ("code", code), ("scope", scope), ("authuser", "0"), ("prompt", "consent")));
    }

    private static string WithQuery(string uri, params (string Name, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(uri, parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));
}
