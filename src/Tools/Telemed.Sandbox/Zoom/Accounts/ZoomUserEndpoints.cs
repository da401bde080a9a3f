using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Zoom.Accounts;

/// <summary><c>GET /v2/users/me</c>: who connected.</summary>
internal static class ZoomUserEndpoints
{
    public static void MapZoomUserEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapGet("/users/me", (HttpRequest request, ZoomApiAuthenticator authenticator) =>
        {
            var (user, error) = authenticator.Authenticate(request, ZoomScope.ReadUser);
            return error ?? Results.Json(ZoomUserView.From(user!), SandboxJson.SnakeCase);
        }).WithName("zoom.users.me");
    }
}

/// <summary>The user object of the Users API, with the fields the product records after connecting.</summary>
public sealed record ZoomUserView(
    string Id,
    string FirstName,
    string LastName,
    string DisplayName,
    string Email,
    int Type,
    long Pmi,
    string Timezone,
    int Verified,
    string CreatedAt,
    string UserCreatedAt,
    string Language,
    string Status,
    string RoleId,
    string AccountId,
    long AccountNumber,
    string Cluster)
{
    public static ZoomUserView From(ZoomUser user)
    {
        var created = user.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new ZoomUserView(user.Id, user.FirstName, user.LastName, user.DisplayName, user.Email,
            Type: 2, user.Pmi, user.Timezone, Verified: 1, created, created, "en-US", "active", RoleId: "0",
            user.AccountId, AccountNumber: user.Pmi % 1_000_000_000, Cluster: "us05");
    }
}
