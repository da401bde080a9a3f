using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Telemed.Api.IntegrationTests;

/// <summary>The admin's API keys pages: create (shown once, kept as a hash), field errors, who may use them, revoke.</summary>
public sealed class ApiKeysPageShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task ShowTheSecretOnceAndStoreOnlyItsHashAndPrefix()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminKeys.SignInAsync(Host, clinic);

        var response = await admin.PostNewKeyAsync("Website widget", ["read", "book"]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var secret = AdminKeys.SecretOn(Html.Parse(body));
        Assert.Matches(new Regex("^tmd_live_[A-Za-z0-9_-]{43}$"), secret);

        var list = await admin.Client.GetStringAsync(admin.ListUrl);
        Assert.DoesNotContain(secret, list);
        Assert.Contains(secret[..17], list);

        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT name, mode, prefix, key_hash, scopes, row_to_json(k)::text FROM api_keys k WHERE tenant_id = @tenant", superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Website widget", reader.GetString(0));
        Assert.Equal("live", reader.GetString(1));
        Assert.Equal(secret[..17], reader.GetString(2));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(secret)), (byte[])reader[3]);
        Assert.Equal(["read", "book"], (string[])reader[4]);
        Assert.DoesNotContain(secret[17..], reader.GetString(5));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task GiveTestKeysTheirOwnPrefix()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminKeys.SignInAsync(Host, clinic);

        var secret = await admin.CreateAsync("Staging", "test", "", ["read"]);

        Assert.StartsWith("tmd_test_", secret);
        var services = await Host.CreateClient().GetWithKeyAsync(clinic.Api("/services"), secret);
        Assert.Equal(HttpStatusCode.OK, services.StatusCode);
    }

    [Fact]
    public async Task RefuseAPostWithoutTheAntiforgeryToken()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminKeys.SignInAsync(Host, clinic);

        var response = await admin.Client.PostAsync(admin.NewKeyUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Forged", ["Input.Mode"] = "live", ["Input.Scopes"] = "read",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM api_keys WHERE tenant_id = @tenant", superuser);
        count.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ShowEachProblemNextToItsField()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminKeys.SignInAsync(Host, clinic);

        var response = await admin.PostNewKeyAsync("", [], expiresOn: "2020-01-01");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Give the key a name", page.FieldError("Input.Name"));
        Assert.Contains("at least one scope", page.FieldError("Input.Scopes"));
        Assert.Contains("today or a later day", page.FieldError("Input.ExpiresOn"));
        var name = page.QuerySelector("#Input_Name")!;
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Name-error", name.GetAttribute("aria-describedby"));
        Assert.Null(page.QuerySelector("[data-testid=secret]"));
    }

    [Fact]
    public async Task BeOpenToClinicAdminsOnly()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var doctor = await AdminKeys.SignInAsync(Host, clinic, ApiClinic.DoctorEmail);

        var list = await doctor.Client.GetAsync(doctor.ListUrl);
        var form = await doctor.Client.GetAsync(doctor.NewKeyUrl);

        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
        var admin = await AdminKeys.SignInAsync(Host, clinic);
        var menu = Html.Parse(await admin.Client.GetStringAsync($"{clinic.PathBase}/admin"));
        Assert.NotNull(menu.QuerySelector($"a.dropdown-item[href='{clinic.PathBase}/admin/api-keys']"));
    }

    [Fact]
    public async Task RevokeAKeySoTheApiRefusesIt()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var admin = await AdminKeys.SignInAsync(Host, clinic);
        var secret = await admin.CreateAsync("Old integration", "read");
        var api = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetWithKeyAsync(clinic.Api("/services"), secret)).StatusCode);

        var revoke = await admin.RevokeAsync(await KeyIdAsync(clinic, secret[..17]));

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var problem = await Problem.ReadAsync(await api.GetWithKeyAsync(clinic.Api("/services"), secret), HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.Detail);
        Assert.Contains("Revoked", await admin.Client.GetStringAsync(admin.ListUrl));
    }

    private async Task<Guid> KeyIdAsync(ApiClinic clinic, string prefix)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand("SELECT id FROM api_keys WHERE tenant_id = @tenant AND prefix = @prefix", superuser);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        command.Parameters.AddWithValue("prefix", prefix);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
