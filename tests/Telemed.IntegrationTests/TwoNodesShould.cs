using System.Net;
using Telemed.Core.Tenancy;

namespace Telemed.IntegrationTests;

/// <summary>Two nodes on one database behave as one product: shared keys, shared tenant registry.</summary>
public sealed class TwoNodesShould : IAsyncLifetime
{
    private TestHost _first = null!;
    private TestHost _second = null!;

    public async Task InitializeAsync()
    {
        _first = await TestHost.StartAsync();
        _second = await TestHost.StartAsync(ownerConnectionString: _first.OwnerConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task AcceptOnOneNodeTheSignInMadeOnTheOther()
    {
        var clinic = await Clinics.CreateAsync(_first, adminEmail: "roaming@clinic.test");
        var signedInOnFirst = await Clinics.SignInAsync(_first, $"/c/{clinic.Slug}", "roaming@clinic.test");
        var cookies = signedInOnFirst.Cookies.GetCookieHeader(new Uri(_first.BaseAddress, $"/c/{clinic.Slug}/admin"));

        using var onSecond = _second.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{clinic.Slug}/admin");
        request.Headers.Add("Cookie", cookies);
        var response = await onSecond.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SeeAClinicSuspendedOnTheOtherNodeAtOnce()
    {
        var clinic = await Clinics.CreateAsync(_first);
        Assert.Equal(HttpStatusCode.OK, (await _second.CreateClient().GetAsync($"/c/{clinic.Slug}/")).StatusCode);

        await _first.GetRequiredService<TenantRegistry>().SetStateAsync(clinic.Id, TenantState.Suspended);

        // The other node learns of it through NOTIFY, not a cache timeout (which is minutes).
        await Waiting.ForAsync(async () => (await _second.CreateClient().GetAsync($"/c/{clinic.Slug}/")).StatusCode,
            status => status == HttpStatusCode.ServiceUnavailable, status => $"{(int)status}", "the other node to answer 503 for the suspended clinic");
    }

    [Fact]
    public async Task ShowOnOneNodeTheClinicsSettingsSavedOnTheOtherWithinASecond()
    {
        var clinic = await TestClinics.ProvisionAsync(_first, "settings");
        var visitor = _second.CreateClient();
        // Read once on the second node, so it holds the settings in memory.
        Assert.DoesNotContain("Evening video visits now open", (await visitor.GetPageAsync($"/c/{clinic.Slug}/")).Body!.TextContent);

        var admin = await TestClinics.SignInAsync(_first, $"/c/{clinic.Slug}", TestClinics.AdminEmail);
        var url = $"/c/{clinic.Slug}/admin/settings";
        var saved = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url,
            new Dictionary<string, string> { ["Settings.WelcomeMessage"] = "Evening video visits now open" }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await Waiting.UntilAsync(async () => (await visitor.GetPageAsync($"/c/{clinic.Slug}/")).Body!.TextContent.Contains("Evening video visits now open"),
            "the second node's home page to show the new welcome message", TimeSpan.FromSeconds(1));
    }
}
