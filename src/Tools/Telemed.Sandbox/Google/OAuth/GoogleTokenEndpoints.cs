using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>Google's token endpoint (code exchange, refresh without rotation) and revoke endpoint.</summary>
internal static class GoogleTokenEndpoints
{
    public static void MapGoogleTokenEndpoints(this RouteGroupBuilder google)
    {
        google.MapPost("/token", IssueTokenAsync).WithName("google.oauth.token").DisableAntiforgery();
        google.MapPost("/revoke", RevokeAsync).WithName("google.oauth.revoke").DisableAntiforgery();
    }

    /// <summary>The account a token or revoke call is for, read from its code, refresh token or token.</summary>
    internal static async ValueTask<string?> ResolveAccountAsync(HttpContext http, GoogleTokenStore tokens)
    {
        var form = await ReadFormAsync(http.Request);
        var credential = form["refresh_token"].FirstOrDefault() ?? form["code"].FirstOrDefault()
            ?? form["token"].FirstOrDefault() ?? http.Request.Query["token"].FirstOrDefault();
        return tokens.FindOwner(credential)?.Id;
    }

    private static async Task<IResult> IssueTokenAsync(HttpRequest request, IOptions<SandboxOptions> options, GoogleTokenStore tokens)
    {
        var form = await ReadFormAsync(request);
        var (clientId, error) = GoogleClientRules.Authenticate(request, form, options.Value.Google);
        if (error is not null)
        {
            return OAuthError(error);
        }

        var grantType = form["grant_type"].FirstOrDefault();
        var outcome = grantType switch
        {
            "authorization_code" => tokens.ExchangeCode(clientId!, form["code"].FirstOrDefault(), form["redirect_uri"].FirstOrDefault(),
                form["code_verifier"].FirstOrDefault()),
            "refresh_token" => tokens.Refresh(clientId!, form["refresh_token"].FirstOrDefault()),
            _ => GoogleTokenOutcome.Fail(400, "unsupported_grant_type", $"Invalid grant_type: {grantType}"),
        };

        if (outcome.Tokens is null)
        {
            return OAuthError(outcome);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-cache, no-store, max-age=0, must-revalidate";
        request.HttpContext.Response.Headers.Pragma = "no-cache";
        return Results.Json(outcome.Tokens, SandboxJson.SnakeCase);
    }

    /// <summary>Google's revoke needs no client credentials: the token itself, in the form body or the query.</summary>
    private static async Task<IResult> RevokeAsync(HttpRequest request, GoogleTokenStore tokens)
    {
        var form = await ReadFormAsync(request);
        var token = form["token"].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
        return tokens.Revoke(token)
            ? Results.Ok()
            : OAuthError(GoogleTokenOutcome.Fail(400, "invalid_token", "Token expired or revoked"));
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request) =>
        request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;

    private static IResult OAuthError(GoogleTokenOutcome outcome) =>
        Results.Json(outcome.Error, SandboxJson.SnakeCase, statusCode: outcome.StatusCode);
}
