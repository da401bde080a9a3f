using System.Net;
using Telemed.Sandbox;

namespace Telemed.GoogleMeet.IntegrationTests;

/// <summary>
/// The sandbox mounted for Google alone (Zoom with no sandbox): its control area, which lists every account's tokens and
/// events, is still only the platform operator's; outside Development it is mounted only on request.
/// </summary>
public sealed class GoogleSandboxExposureShould
{
    private static readonly string[] ControlPaths = ["sandbox/_sandbox/google/accounts", "sandbox/_sandbox/google/events", "sandbox/_sandbox/requests", "sandbox/_sandbox/google/faults"];

    [Fact]
    public async Task KeepTheControlAreaForTheOperatorAndTheControlKeyOnly()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["environment"] = "Production", ["Google:UseSandbox"] = "true" });
        var anonymous = host.CreateClient();
        foreach (var path in ControlPaths)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }

        var staff = await TestClinics.SignInAsync(host, $"/c/{(await TestClinics.ProvisionAsync(host, "gx")).Slug}", TestClinics.AdminEmail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("sandbox/_sandbox/google/accounts")).StatusCode);

        var operatorClient = host.CreateClient();
        var login = await operatorClient.GetPageAsync("/login");
        var signedIn = await operatorClient.SubmitFormAsync(login, "/login", new Dictionary<string, string> { ["Input.Email"] = "operator@telemed.local", ["Input.Password"] = "Operator123!" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("sandbox/_sandbox/google/accounts")).StatusCode);

        var keyed = host.CreateClient();
        keyed.DefaultRequestHeaders.Add(SandboxControlAccess.HeaderName, TestHost.SandboxControlKey);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("sandbox/_sandbox/google/events")).StatusCode);
        // Google's own endpoints stay public, as Google's are: the consent page answers (here with Google's error for a bad request).
        Assert.NotEqual(HttpStatusCode.NotFound, (await anonymous.GetAsync("sandbox/google/o/oauth2/v2/auth?client_id=x")).StatusCode);
    }

    [Fact]
    public async Task NotMountTheSandboxOutsideDevelopmentUnlessAskedTo()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["environment"] = "Production" });
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("sandbox/google/o/oauth2/v2/auth?client_id=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("sandbox/_sandbox/google/accounts")).StatusCode);
    }
}
