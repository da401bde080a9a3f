using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Telemed.Sandbox.Google.OAuth;

/// <summary>How the sandbox's Google client is recognised by its credentials on the token endpoint.</summary>
internal static class GoogleClientRules
{
    /// <summary>
    /// Checks the client credentials, sent in the form body as Google documents (client_id, client_secret) or with
    /// HTTP Basic. Returns the client id, or the error to answer with.
    /// </summary>
    public static (string? ClientId, GoogleTokenOutcome? Error) Authenticate(HttpRequest request, IFormCollection form, GoogleSandboxOptions app)
    {
        var (clientId, secret) = FromBasic(request) ?? (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
        if (string.IsNullOrEmpty(clientId))
        {
            return (null, GoogleTokenOutcome.Fail(400, "invalid_request", "Could not determine client ID from request."));
        }

        if (clientId != app.ClientId)
        {
            return (null, GoogleTokenOutcome.Fail(401, "invalid_client", "The OAuth client was not found."));
        }

        return secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(app.ClientSecret))
            ? (clientId, null)
            : (null, GoogleTokenOutcome.Fail(401, "invalid_client", "Unauthorized"));
    }

    private static (string? ClientId, string? Secret)? FromBasic(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (decoded, null) : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
