using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemed.Core.Api;

namespace Telemed.Api.IntegrationTests;

/// <summary>
/// Every endpoint under /api/v1, found in the running host's routing table (so an endpoint added later is covered
/// without a line here), refuses a request with no key, with another clinic's key, and with a key lacking its scope,
/// and lets in a key holding that scope alone.
/// </summary>
public sealed partial class ApiAuthorizationShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>API addresses meant for anyone: the description of the API itself.</summary>
    private static readonly string[] Public = ["/api/v1/openapi.json", "/api/v1/{**path}"];

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task RefuseEveryEndpointWithoutTheRightClinicsKeyAndScope()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 16, $"Only {endpoints.Count} API endpoints found: {string.Join(", ", endpoints.Select(e => e.Name))}");
        var clinic = await ApiClinic.CreateAsync(Host);
        var other = await ApiClinic.CreateAsync(Host);
        var admin = await AdminKeys.SignInAsync(Host, clinic);
        var otherKey = await (await AdminKeys.SignInAsync(Host, other)).CreateAsync("Theirs", [.. ApiScopes.All]);
        var only = new Dictionary<string, string>();
        var allBut = new Dictionary<string, string>();
        foreach (var scope in ApiScopes.All)
        {
            only[scope] = await admin.CreateAsync($"Only {scope}", scope);
            allBut[scope] = await admin.CreateAsync($"All but {scope}", [.. ApiScopes.All.Where(s => s != scope)]);
        }
        var client = Host.CreateClient();

        foreach (var endpoint in endpoints)
        {
            var url = clinic.PathBase + RouteParameter().Replace(endpoint.Pattern, _ => Guid.NewGuid().ToString());
            var body = endpoint.Method is "POST" or "PUT" or "PATCH" ? "{}" : null;
            var method = new HttpMethod(endpoint.Method);

            var anonymous = await client.SendWithKeyAsync(method, url, null, body);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint.Name} without a key: {(int)anonymous.StatusCode}");
            Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

            var foreign = await client.SendWithKeyAsync(method, url, otherKey, body);
            Assert.True(foreign.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint.Name} with another clinic's key: {(int)foreign.StatusCode}");

            var lacking = await client.SendWithKeyAsync(method, url, allBut[endpoint.Scope], body);
            var problem = await Problem.ReadAsync(lacking, HttpStatusCode.Forbidden);
            Assert.Contains($"'{endpoint.Scope}'", problem.Detail);

            var allowed = await client.SendWithKeyAsync(method, url, only[endpoint.Scope], body);
            Assert.True(allowed.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed),
                $"{endpoint.Name} with a key holding '{endpoint.Scope}': {(int)allowed.StatusCode}");
            Assert.True((int)allowed.StatusCode < 500, $"{endpoint.Name} failed: {await allowed.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public void LeaveNoApiEndpointOpenExceptTheApisDescription()
    {
        var open = RouteEndpoints()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(ApiRoutes.Prefix, StringComparison.OrdinalIgnoreCase) && !Public.Contains(raw))
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { } policy && ApiScopes.ScopeOfPolicy(policy) is not null))
            .Select(e => e.DisplayName)
            .ToList();
        Assert.Empty(open);
    }

    private sealed record ApiEndpoint(string Name, string Method, string Pattern, string Scope);

    private List<ApiEndpoint> ApiEndpoints() =>
        RouteEndpoints()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiRoutes.Prefix, StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (e, method)))
            .Select(x => (x.e, x.method, scope: x.e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy is null ? null : ApiScopes.ScopeOfPolicy(a.Policy)).FirstOrDefault(s => s is not null)))
            .Where(x => x.scope is not null)
            .Select(x => new ApiEndpoint($"{x.method} {x.e.RoutePattern.RawText}", x.method, x.e.RoutePattern.RawText!, x.scope!))
            .ToList();

    private IEnumerable<RouteEndpoint> RouteEndpoints() => Host.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
