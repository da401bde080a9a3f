using System.Net;
using Npgsql;
using Telemed.Core.Tenancy;

namespace Telemed.IntegrationTests;

/// <summary>Resolution by prefix and host name, and the operator's suspend, resume and delete, through the platform pages.</summary>
public sealed class TenantLifecycleShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task ResolveAClinicByItsPathPrefix()
    {
        var clinic = await Clinics.CreateAsync(Host);
        var page = await Host.CreateClient().GetPageAsync($"/c/{clinic.Slug}/");
        Assert.Equal(clinic.Name, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"/c/{clinic.Slug}/book", page.QuerySelector("a.btn-primary")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ResolveAClinicByItsOwnHostName()
    {
        var clinic = await Clinics.CreateAsync(Host);
        await Host.GetRequiredService<TenantRegistry>().SetHostNamesAsync(clinic.Id, [$"{clinic.Slug}.clinics.test"]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = $"{clinic.Slug}.clinics.test";
        var response = await Host.CreateClient().SendAsync(request);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(clinic.Name, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/book", page.QuerySelector("a.btn-primary")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnswerNotFoundForAnUnknownClinic()
    {
        var response = await Host.CreateClient().GetAsync("/c/no-such-clinic/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no clinic at this address", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task KeepThePlatformAreaForPlatformAdminsOnly()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "boss@clinic.test");
        var anonymous = await Host.CreateClient().GetAsync("/platform");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery);

        var clinicAdmin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "boss@clinic.test");
        var fromClinic = await clinicAdmin.GetAsync($"/c/{clinic.Slug}/platform");
        Assert.NotEqual(HttpStatusCode.OK, fromClinic.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clinicAdmin.GetAsync("/platform")).StatusCode);
    }

    [Fact]
    public async Task SuspendAClinicWithATemporarilyUnavailablePageAndResumeItWithItsDataIntact()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "keeper@clinic.test");
        var operatorClient = await SignInAsOperatorAsync();

        var platform = await operatorClient.GetPageAsync("/platform");
        var suspend = await operatorClient.PostAsync("/platform?handler=Suspend", Form(platform, ("id", clinic.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);

        var suspended = await Host.CreateClient().GetAsync($"/c/{clinic.Slug}/login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, suspended.StatusCode);
        Assert.Contains("temporarily unavailable", await suspended.Content.ReadAsStringAsync());
        Assert.Equal(1L, await CountRowsAsync(clinic.Id, "users"));

        var resume = await operatorClient.PostAsync("/platform?handler=Resume", Form(platform, ("id", clinic.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
        await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "keeper@clinic.test");
    }

    [Fact]
    public async Task DeleteAClinicAndEveryRowItOwned()
    {
        var clinic = await Clinics.CreateAsync(Host);
        Assert.True(await CountRowsAsync(clinic.Id, "users") > 0);
        var operatorClient = await SignInAsOperatorAsync();
        var platform = await operatorClient.GetPageAsync("/platform");

        var delete = await operatorClient.PostAsync("/platform?handler=Delete", Form(platform, ("id", clinic.Id.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.CreateClient().GetAsync($"/c/{clinic.Slug}/")).StatusCode);
        foreach (var table in new[] { "users", "roles", "clinic_settings", "message_log" })
        {
            Assert.Equal(0L, await CountRowsAsync(clinic.Id, table));
        }
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM user_roles ur LEFT JOIN users u ON u.id = ur.user_id WHERE u.id IS NULL", superuser);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task RefuseToCreateAClinicWithoutPlatformRights()
    {
        var response = await Host.CreateClient().PostAsync("/platform?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Sneaky", ["Input.Slug"] = "sneaky-clinic", ["Input.AdminEmail"] = "x@y.test", ["Input.AdminPassword"] = "Password1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        Assert.Null(await Host.GetRequiredService<ITenantStore>().FindBySlugAsync("sneaky-clinic"));
    }

    private async Task<TestClient> SignInAsOperatorAsync() => await Clinics.SignInAsync(Host, "", "operator@telemed.local", "Operator123!");

    private static FormUrlEncodedContent Form(AngleSharp.Html.Dom.IHtmlDocument page, params (string Name, string Value)[] fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    /// <summary>Counts a clinic's rows as the superuser, who is not subject to row-level security.</summary>
    private async Task<long> CountRowsAsync(Guid tenantId, string table)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE tenant_id = @tenant", superuser);
        command.Parameters.AddWithValue("tenant", tenantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
