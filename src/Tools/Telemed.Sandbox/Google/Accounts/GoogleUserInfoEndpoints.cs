using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.Sandbox.Google.Accounts;

/// <summary><c>GET /oauth2/v3/userinfo</c>: who connected. Like Google, the e-mail needs the email scope and the names the profile scope.</summary>
internal static class GoogleUserInfoEndpoints
{
    public static void MapGoogleUserInfoEndpoints(this RouteGroupBuilder google)
    {
        google.MapGet("/oauth2/v3/userinfo", (HttpContext http, GoogleTokenStore tokens) =>
        {
            var (state, account, scopes) = tokens.CheckAccessToken(BearerToken.From(http.Request));
            if (state != GoogleAccessTokenState.Valid)
            {
                // An OAuth endpoint: the error is OAuth's small body, not the API's.
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
                return Results.Json(new GoogleOAuthError("invalid_request", "Invalid Credentials"), SandboxJson.SnakeCase, statusCode: 401);
            }

            var email = scopes.Contains(GoogleScopes.Email);
            var profile = scopes.Contains(GoogleScopes.Profile);
            return Results.Json(new GoogleUserInfo(
                account!.Id,
                profile ? account.Name : null,
                profile ? account.GivenName : null,
                profile ? account.FamilyName : null,
                email ? account.Email : null,
                email ? true : null), SandboxJson.SnakeCase);
        }).WithName("google.userinfo");
    }
}

public sealed record GoogleUserInfo(string Sub, string? Name, string? GivenName, string? FamilyName, string? Email, bool? EmailVerified);
