using System.Net;
using System.Text.Json;
using Telemed.Core.Tenancy;

namespace Telemed.Api.IntegrationTests;

/// <summary>Each clinic serves an OpenAPI 3.1 document of its REST API, made from the endpoints, to anyone who asks.</summary>
public sealed class ApiDocumentShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    private static async Task<JsonElement> ReadDocumentAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task BeServedAnonymouslyAsOpenApi31NamedForTheClinic()
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var document = await ReadDocumentAsync(await Host.CreateClient().GetAsync(clinic.Api("/openapi.json")));

        Assert.StartsWith("3.1.", document.GetProperty("openapi").GetString());
        Assert.Equal($"{clinic.Tenant.Name} API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
        var description = document.GetProperty("info").GetProperty("description").GetString()!;
        foreach (var topic in new[] { "Bearer tmd_live_", "scope", "application/problem+json", "RateLimit-Policy", "Retry-After", "Idempotency-Key", "data", "HMAC-SHA256" })
        {
            Assert.Contains(topic, description);
        }
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("tmd_live_…", scheme.GetProperty("bearerFormat").GetString());
    }

    [Theory]
    [InlineData("/api/v1/services")]
    [InlineData("/api/v1/hosts")]
    [InlineData("/api/v1/availability")]
    public async Task ListTheApiOperationsWithTheBearerSchemeAndTheirScope(string path)
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var document = await ReadDocumentAsync(await Host.CreateClient().GetAsync(clinic.Api("/openapi.json")));

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        Assert.Equal(["read"], requirement.GetProperty("bearer").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["read"], operation.GetProperty("x-required-scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("`read` scope", operation.GetProperty("description").GetString());
        var responses = operation.GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), $"{path} has no 200 example");
        foreach (var status in new[] { "401", "403", "429" })
        {
            var problem = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json");
            Assert.Equal(int.Parse(status), problem.GetProperty("example").GetProperty("status").GetInt32());
        }
        Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.True(responses.GetProperty("200").GetProperty("headers").TryGetProperty("RateLimit", out _));
    }

    [Fact]
    public async Task ShowExamplesOfAnswersAndRefusals()
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var document = await ReadDocumentAsync(await Host.CreateClient().GetAsync(clinic.Api("/openapi.json")));

        var responses = document.GetProperty("paths").GetProperty("/api/v1/availability").GetProperty("get").GetProperty("responses");
        // camelCase, as the API answers.
        var slots = responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("Europe/Paris", slots.GetProperty("timeZone").GetString());
        Assert.True(slots.GetProperty("slots").GetArrayLength() > 0);
        var invalid = responses.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("service", out _));
        var missing = responses.GetProperty("404").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ListOnlyTheApi()
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var document = await ReadDocumentAsync(await Host.CreateClient().GetAsync(clinic.Api("/openapi.json")));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path));
        Assert.DoesNotContain(paths, path => path.Contains("openapi", StringComparison.Ordinal) || path.Contains("{path}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NameTheClinicsConfiguredAddressAsServerWhateverTheRequestSays()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var request = new HttpRequestMessage(HttpMethod.Get, clinic.Api("/openapi.json"));
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("Forwarded", "host=evil.example;proto=https");

        var document = await ReadDocumentAsync(await Host.CreateClient().SendAsync(request));

        var server = Assert.Single(document.GetProperty("servers").EnumerateArray());
        var expected = $"{Host.BaseAddress.GetLeftPart(UriPartial.Authority)}{clinic.PathBase}";
        Assert.Equal(expected, server.GetProperty("url").GetString());
    }

    [Fact]
    public async Task RefuseAHostHeaderThatIsNotTheClinicsOrThePlatforms()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var request = new HttpRequestMessage(HttpMethod.Get, clinic.Api("/openapi.json"));
        request.Headers.Host = "evil.example";

        var response = await Host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NameTheClinicsOwnHostNameOnThatHostName()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var hostName = $"{clinic.Tenant.Slug}.clinics.test";
        await Host.GetRequiredService<TenantRegistry>().SetHostNamesAsync(clinic.Tenant.Id, [hostName]);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/openapi.json");
        request.Headers.Host = hostName;
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");

        var document = await ReadDocumentAsync(await Host.CreateClient().SendAsync(request));

        var server = Assert.Single(document.GetProperty("servers").EnumerateArray());
        Assert.Equal($"http://{hostName}:{Host.BaseAddress.Port}", server.GetProperty("url").GetString());
        Assert.Equal($"{clinic.Tenant.Name} API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ServeAGenericCopyOnThePlatformsAddress()
    {
        var document = await ReadDocumentAsync(await Host.CreateClient().GetAsync("/api/v1/openapi.json"));

        Assert.Equal("TelemedSaaS clinic API", document.GetProperty("info").GetProperty("title").GetString());
        var server = Assert.Single(document.GetProperty("servers").EnumerateArray());
        Assert.Equal($"{Host.BaseAddress.GetLeftPart(UriPartial.Authority)}/c/{{clinic}}", server.GetProperty("url").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/services", out _));
    }
}
