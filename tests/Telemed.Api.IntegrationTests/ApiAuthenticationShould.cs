using System.Net;
using System.Text.Json;
using Npgsql;
using Telemed.Core.Tenancy;

namespace Telemed.Api.IntegrationTests;

/// <summary>Who gets into the clinic's API: a key of this clinic, not expired or revoked, holding the endpoint's scope.</summary>
public sealed class ApiAuthenticationShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    private static readonly string[] ReadPaths = ["/services", "/hosts", "/availability?service={service}"];

    public static TheoryData<string> ReadEndpoints => new(ReadPaths);

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task AnswerACallWithoutAKeyWith401Problem(string endpoint)
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var response = await Host.CreateClient().GetWithKeyAsync(clinic.Api(Expand(endpoint, clinic)), key: null);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("needs an API key", problem.Detail);
    }

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task AnswerAKeyOfThisClinicWithReadScope(string endpoint)
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");

        var response = await Host.CreateClient().GetWithKeyAsync(clinic.Api(Expand(endpoint, clinic)), key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "Authorization: Bearer")]
    [InlineData("Bearer", "Authorization: Bearer")]
    [InlineData("Bearer not-a-key", "not an API key")]
    [InlineData("Bearer tmd_live_short", "not an API key")]
    [InlineData("Bearer pmc_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "not an API key")]
    [InlineData("Bearer tmd_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "not an API key")]
    [InlineData("Bearer tmd_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not recognised")]
    public async Task RefuseAMalformedOrUnknownKeyWith401Problem(string authorization, string detail)
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var response = await Host.CreateClient().GetWithAuthorizationAsync(clinic.Api("/services"), authorization);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(detail, problem.Detail);
    }

    [Fact]
    public async Task RefuseAnotherClinicsKeyWithoutShowingAnyData()
    {
        var ours = await ApiClinic.CreateAsync(Host);
        var theirs = await ApiClinic.CreateAsync(Host);
        var theirKey = await (await AdminKeys.SignInAsync(Host, theirs)).CreateAsync("Theirs", "read", "book", "manage", "meetings", "host");
        var api = Host.CreateClient();

        foreach (var endpoint in ReadPaths)
        {
            var response = await api.GetWithKeyAsync(ours.Api(Expand(endpoint, ours)), theirKey);
            var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains("not recognised", problem.Detail);
            Assert.DoesNotContain(ours.ServiceName, problem.Body);
            Assert.DoesNotContain(theirs.ServiceName, problem.Body);
            Assert.DoesNotContain("\"data\"", problem.Body);
        }
        Assert.Equal(HttpStatusCode.OK, (await api.GetWithKeyAsync(theirs.Api("/services"), theirKey)).StatusCode);
    }

    [Fact]
    public async Task AnswerOnTheClinicsOwnHostNameWithItsKeysOnly()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var other = await ApiClinic.CreateAsync(Host);
        var hostName = $"{clinic.Tenant.Slug}.clinics.test";
        await Host.GetRequiredService<TenantRegistry>().SetHostNamesAsync(clinic.Tenant.Id, [hostName]);
        var ownKey = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Own", "read");
        var otherKey = await (await AdminKeys.SignInAsync(Host, other)).CreateAsync("Other", "read");
        var api = Host.CreateClient();

        async Task<HttpResponseMessage> CallAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/services");
            request.Headers.Host = hostName;
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            return await api.SendAsync(request);
        }

        var own = await CallAsync(ownKey);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(clinic.ServiceName, await own.Content.ReadAsStringAsync());
        var refused = await Problem.ReadAsync(await CallAsync(otherKey), HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(other.ServiceName, refused.Body);
    }

    [Fact]
    public async Task RefuseAnExpiredKey()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Short-lived", "live", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), ["read"]);
        var api = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetWithKeyAsync(clinic.Api("/services"), key)).StatusCode);

        await ExecuteAsSuperuserAsync("UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE tenant_id = @tenant", clinic);

        var problem = await Problem.ReadAsync(await api.GetWithKeyAsync(clinic.Api("/services"), key), HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.Detail);
    }

    [Fact]
    public async Task RefuseAKeyWithoutTheReadScopeWith403Problem()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Booker only", "book");

        var response = await Host.CreateClient().GetWithKeyAsync(clinic.Api("/services"), key);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("'read' scope", problem.Detail);
        Assert.DoesNotContain(clinic.ServiceName, problem.Body);
    }

    [Fact]
    public async Task NotLetTheAdminsSignInCookieOpenTheApi()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminKeys.SignInAsync(Host, clinic);

        var response = await admin.Client.GetAsync(clinic.Api("/services"));

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ListTheClinicsServicesAndHosts()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");
        var api = Host.CreateClient();

        using var services = JsonDocument.Parse(await (await api.GetWithKeyAsync(clinic.Api("/services"), key)).Content.ReadAsStringAsync());
        using var hosts = JsonDocument.Parse(await (await api.GetWithKeyAsync(clinic.Api("/hosts"), key)).Content.ReadAsStringAsync());

        var service = Assert.Single(services.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(clinic.Consultation, service.GetProperty("id").GetGuid());
        Assert.Equal(clinic.ServiceName, service.GetProperty("name").GetString());
        Assert.Equal([30, 60], service.GetProperty("durationsMinutes").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(clinic.Doctor, Assert.Single(service.GetProperty("hostIds").EnumerateArray()).GetGuid());
        var host = Assert.Single(hosts.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(clinic.Doctor, host.GetProperty("id").GetGuid());
        Assert.Equal("Dr Api", host.GetProperty("name").GetString());
        Assert.Equal("UTC", host.GetProperty("timeZone").GetString());
        Assert.Equal(clinic.Consultation, Assert.Single(host.GetProperty("serviceIds").EnumerateArray()).GetGuid());
    }

    [Fact]
    public async Task RecordALastUseAtMostOnceAMinute()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Busy", "read");
        var api = Host.CreateClient();
        Assert.Null(await LastUsedAsync(clinic));

        await api.GetWithKeyAsync(clinic.Api("/services"), key);
        var first = await LastUsedAsync(clinic);
        await api.GetWithKeyAsync(clinic.Api("/hosts"), key);
        var second = await LastUsedAsync(clinic);
        await ExecuteAsSuperuserAsync("UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE tenant_id = @tenant", clinic);
        await api.GetWithKeyAsync(clinic.Api("/hosts"), key);
        var later = await LastUsedAsync(clinic);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.True(later > DateTime.UtcNow.AddSeconds(-30), $"A use more than a minute after the last is recorded again (got {later:O}).");
    }

    [Fact]
    public async Task AnswerAnAddressNoEndpointHasWith404Problem()
    {
        var clinic = await ApiClinic.CreateAsync(Host);

        var response = await Host.CreateClient().GetWithKeyAsync(clinic.Api("/no-such-thing"), key: null);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("/api/v1/no-such-thing", problem.Detail);
    }

    private static string Expand(string endpoint, ApiClinic clinic) => endpoint.Replace("{service}", clinic.Consultation.ToString());

    private async Task ExecuteAsSuperuserAsync(string sql, ApiClinic clinic)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand(sql, superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<DateTime?> LastUsedAsync(ApiClinic clinic)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand("SELECT last_used_at FROM api_keys WHERE tenant_id = @tenant", superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        return await command.ExecuteScalarAsync() is DateTime used ? used : null;
    }
}
