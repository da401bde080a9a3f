using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Telemed.Sandbox.Google.Accounts;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>
/// The OpenID Connect id_token of a grant that includes openid: a JWT with Google's claims (email with the email
/// scope, names with profile). Google signs with RS256; the sandbox signs with HS256 over the client secret, which is
/// enough for a client that reads the claims of a token it just received over TLS, as Google allows.
/// </summary>
internal static class GoogleIdToken
{
    public const string Issuer = "https://accounts.google.com";

    public static string Create(GoogleAccount account, string clientId, string clientSecret, IReadOnlyList<string> scopes, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["azp"] = clientId,
            ["aud"] = clientId,
            ["sub"] = account.Id,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        if (scopes.Contains(GoogleScopes.Email))
        {
            claims["email"] = account.Email;
            claims["email_verified"] = true;
        }

        if (scopes.Contains(GoogleScopes.Profile))
        {
            claims["name"] = account.Name;
            claims["given_name"] = account.GivenName;
            claims["family_name"] = account.FamilyName;
        }

        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "HS256", ["kid"] = "sandbox", ["typ"] = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
