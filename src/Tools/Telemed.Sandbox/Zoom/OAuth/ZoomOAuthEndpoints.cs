using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Telemed.Sandbox.OAuth;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Webhooks;

namespace Telemed.Sandbox.Zoom.OAuth;

/// <summary>Zoom's OAuth endpoints: the consent page, the token endpoint (code + rotating refresh) and revoke.</summary>
internal static class ZoomOAuthEndpoints
{
    public static void MapZoomConsentEndpoints(this RouteGroupBuilder oauth)
    {
        oauth.MapGet("/authorize", ShowConsent).WithName("zoom.oauth.authorize");
        oauth.MapPost("/authorize", CompleteConsent).WithName("zoom.oauth.consent").DisableAntiforgery();
    }

    public static void MapZoomTokenEndpoints(this RouteGroupBuilder oauth)
    {
        oauth.MapPost("/token", IssueTokenAsync).WithName("zoom.oauth.token").DisableAntiforgery();
        oauth.MapPost("/revoke", RevokeAsync).WithName("zoom.oauth.revoke").DisableAntiforgery();
    }

    private static IResult ShowConsent(HttpRequest request, IOptions<SandboxOptions> options, ZoomTokenStore tokens, ZoomUserDirectory users)
    {
        var app = options.Value.Zoom;
        var query = request.Query;
        string? Param(string name) => query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

        var clientId = Param("client_id");
        var redirectUri = Param("redirect_uri");
        if (clientId != app.ClientId)
        {
            return ZoomConsentPage.Error("Invalid client_id.");
        }

        if (redirectUri is null || !RedirectAllowList.Allows(redirectUri, app.EffectiveRedirectUris, app.AllowLoopbackRedirectUris))
        {
            return ZoomConsentPage.Error($"Invalid redirect: {redirectUri} is not on the app's redirect URL allow list.");
        }

        var state = Param("state");
        var challenge = Param("code_challenge");
        var method = Param("code_challenge_method") ?? (challenge is null ? null : Pkce.Plain);
        if (Param("response_type") != "code")
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "unsupported_response_type"), ("state", state)));
        }

        if ((challenge is null && app.RequirePkce) || (challenge is not null && !Pkce.IsSupportedMethod(method)))
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "invalid_request"),
                ("error_description", "code_challenge with method S256 or plain is required"), ("state", state)));
        }

        var authorization = new AuthorizationRequest(clientId, redirectUri, state, challenge, challenge is null ? null : method);
        var knownUsers = users.All().Select(u => u.Email).ToList();
        return ZoomConsentPage.Consent(tokens.BeginConsent(authorization), authorization, app.Scopes, knownUsers, knownUsers.FirstOrDefault());
    }

    private static async Task<IResult> CompleteConsent(HttpRequest request, IOptions<SandboxOptions> options, ZoomTokenStore tokens, ZoomUserDirectory users)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var authorization = tokens.CompleteConsent(form["nonce"].ToString());
        if (authorization is null)
        {
            return ZoomConsentPage.Error("This authorization request has expired or was already answered. Start the connection again.");
        }

        var email = form["user"].ToString();
        var user = users.FindOrCreate(email);
        if (user is null)
        {
            var knownUsers = users.All().Select(u => u.Email).ToList();
            return ZoomConsentPage.Consent(tokens.BeginConsent(authorization), authorization, options.Value.Zoom.Scopes, knownUsers, email,
                "Enter the e-mail address of the sandbox Zoom user who consents.");
        }

        if (form["decision"] != "allow")
        {
            tokens.RecordDenial(user);
            return Results.Redirect(WithQuery(authorization.RedirectUri, ("error", "access_denied"), ("state", authorization.State)));
        }

        var code = tokens.IssueCode(authorization, user);
        return Results.Redirect(WithQuery(authorization.RedirectUri, ("code", code), ("state", authorization.State)));
    }

    private static async Task<IResult> IssueTokenAsync(HttpRequest request, IOptions<SandboxOptions> options, ZoomTokenStore tokens)
    {
        if (!HasClientCredentials(request, options.Value.Zoom))
        {
            return OAuthError(TokenOutcome.Fail(401, "invalid_client", "Invalid client_id or client_secret"));
        }

        var parameters = await ReadParametersAsync(request);
        var outcome = parameters.GetValueOrDefault("grant_type") switch
        {
            "authorization_code" => tokens.ExchangeCode(
                parameters.GetValueOrDefault("code"), parameters.GetValueOrDefault("redirect_uri"), parameters.GetValueOrDefault("code_verifier")),
            "refresh_token" => tokens.Refresh(parameters.GetValueOrDefault("refresh_token")),
            null => TokenOutcome.Fail(400, "invalid_request", "Missing required parameter: grant_type"),
            _ => TokenOutcome.Fail(400, "unsupported_grant_type", "Unsupported grant type"),
        };

        if (outcome.Tokens is null)
        {
            return OAuthError(outcome);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Json(outcome.Tokens, SandboxJson.SnakeCase);
    }

    private static async Task<IResult> RevokeAsync(
        HttpRequest request, IOptions<SandboxOptions> options, ZoomTokenStore tokens, ZoomWebhookSender webhooks, TimeProvider clock)
    {
        var app = options.Value.Zoom;
        if (!HasClientCredentials(request, app))
        {
            return OAuthError(TokenOutcome.Fail(401, "invalid_client", "Invalid client_id or client_secret"));
        }

        var parameters = await ReadParametersAsync(request);
        if (tokens.FindOwner(parameters.GetValueOrDefault("token")) is not { } user || !tokens.RevokeAll(user))
        {
            return OAuthError(TokenOutcome.Fail(400, "invalid_request", "Invalid Token!"));
        }

        // Revoking deauthorizes the app for the user, and Zoom then tells the app through its webhook.
        webhooks.Publish(ZoomWebhookEvents.AppDeauthorized(user, app.ClientId, userDataRetention: false, clock.GetUtcNow()));
        return Results.Json(new { status = "success" }, SandboxJson.SnakeCase);
    }

    internal static bool HasClientCredentials(HttpRequest request, ZoomSandboxOptions app)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var presented = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())));
            return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes($"{app.ClientId}:{app.ClientSecret}"));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Zoom accepts token parameters in the query string as well as in the form body; the body wins.</summary>
    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        var parameters = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
        if (request.HasFormContentType)
        {
            foreach (var field in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                parameters[field.Key] = field.Value.ToString();
            }
        }

        return parameters;
    }

    /// <summary>The account a token-endpoint or revoke call is for, read from its code, refresh token or token.</summary>
    internal static async ValueTask<string?> ResolveAccountAsync(HttpContext http, ZoomTokenStore tokens)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var credential = form["refresh_token"].FirstOrDefault() ?? form["code"].FirstOrDefault() ?? form["token"].FirstOrDefault();
        return tokens.FindOwner(credential)?.Id;
    }

    private static IResult OAuthError(TokenOutcome outcome) =>
        Results.Json(outcome.Error, SandboxJson.SnakeCase, statusCode: outcome.StatusCode);

    private static string WithQuery(string uri, params (string Name, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(uri, parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));
}
