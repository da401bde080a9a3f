using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Telemed.Sandbox;

/// <summary>The access token an API call carries, read as both providers read it: <c>Authorization: Bearer {token}</c>.</summary>
internal static class BearerToken
{
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }
}
