using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.Sandbox.Google;

/// <summary>Checks the bearer token and scopes of an API call the way Google answers them (401 required/authError, 403 insufficientPermissions).</summary>
public sealed class GoogleApiAuthenticator(GoogleTokenStore tokens)
{
    /// <summary>Returns the token's account and its scopes, or the error to answer with when it holds none of <paramref name="acceptedScopes"/>.</summary>
    public (GoogleAccount? Account, IResult? Error) Authenticate(HttpContext http, IReadOnlyList<string>? acceptedScopes)
    {
        if (string.IsNullOrEmpty(http.Request.Headers[HeaderNames.Authorization].ToString()))
        {
            return (null, GoogleErrors.LoginRequired(http));
        }

        var (state, account, scopes) = tokens.CheckAccessToken(BearerToken.From(http.Request));
        if (state != GoogleAccessTokenState.Valid)
        {
            return (null, GoogleErrors.InvalidCredentials(http));
        }

        return acceptedScopes is null || scopes.Any(acceptedScopes.Contains)
            ? (account, null)
            : (null, GoogleErrors.InsufficientScopes());
    }
}
