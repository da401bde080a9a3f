using System.Net;
using Microsoft.Extensions.Options;
using Telemed.Core.Recipes;
using Telemed.Sandbox;
using Telemed.Tenants.Services;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>The sandbox's control area is the platform operator's; outside Development the sandbox is mounted only on request.</summary>
public sealed class SandboxExposureShould
{
    [Fact]
    public async Task KeepTheControlAreaFromAnonymousVisitorsAndClinicStaff()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["environment"] = "Production", ["Zoom:UseSandbox"] = "true" });
        var anonymous = host.CreateClient();
        foreach (var path in new[] { "sandbox/_sandbox/zoom/meetings", "sandbox/_sandbox/zoom/accounts", "sandbox/_sandbox/requests", "sandbox/_sandbox/zoom/faults" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("start_url", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("sandbox/_sandbox/reset", null)).StatusCode);

        var wrongKey = host.CreateClient();
        wrongKey.DefaultRequestHeaders.Add(SandboxControlAccess.HeaderName, "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("sandbox/_sandbox/zoom/meetings")).StatusCode);

        var slug = $"sx-{Guid.NewGuid():N}"[..16];
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "new-clinic.recipe.json")),
            new Dictionary<string, string> { ["adminEmail"] = "staff@sandbox-exposure.test", ["adminPassword"] = "Clinic-Pass-1", ["adminName"] = "Admin" });
        await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, "Exposure clinic", "Europe/London"));
        var staff = await SignInAsync(host, $"/c/{slug}", "staff@sandbox-exposure.test", "Clinic-Pass-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("sandbox/_sandbox/zoom/meetings")).StatusCode);
    }

    [Fact]
    public async Task OpenTheControlAreaToTheOperatorAndToTheControlKey()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["environment"] = "Production", ["Zoom:UseSandbox"] = "true" });
        var operatorClient = await SignInAsync(host, "", "operator@telemed.local", "Operator123!");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("sandbox/_sandbox/zoom/meetings")).StatusCode);

        var keyed = host.CreateClient();
        keyed.DefaultRequestHeaders.Add(SandboxControlAccess.HeaderName, TestHost.SandboxControlKey);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("sandbox/_sandbox/zoom/meetings")).StatusCode);
    }

    [Fact]
    public async Task NotMountTheSandboxOutsideDevelopmentUnlessAskedTo()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["environment"] = "Production" });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("sandbox/zoom/oauth/authorize?response_type=code&client_id=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("sandbox/_sandbox/zoom/meetings")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ZoomOptions.DemoWebhookSecret)]
    public async Task RefuseToStartARealZoomAppWithoutItsOwnWebhookSecret(string? webhookSecret)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Zoom:ClientId"] = "real-client-id",
            ["Zoom:ClientSecret"] = "real-client-secret",
            ["Zoom:WebhookSecret"] = webhookSecret,
        }));
        Assert.Contains("Zoom:WebhookSecret", failure.Message);
    }

    private static async Task<TestClient> SignInAsync(TestHost host, string pathBase, string email, string password)
    {
        var client = host.CreateClient();
        var login = await client.GetPageAsync($"{pathBase}/login");
        var response = await client.SubmitFormAsync(login, $"{pathBase}/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
