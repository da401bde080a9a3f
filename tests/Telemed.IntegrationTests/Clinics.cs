using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.IntegrationTests;

/// <summary>Creates clinics through the same recipe and provisioner that sign-up uses.</summary>
public static class Clinics
{
    public const string Password = "Clinic-Pass-1";

    public static async Task<Tenant> CreateAsync(TestHost host, string? slug = null, string adminEmail = "admin@clinic.test")
    {
        slug ??= $"clinic-{Guid.NewGuid():N}"[..18];
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "new-clinic.recipe.json")),
            new Dictionary<string, string> { ["adminEmail"] = adminEmail, ["adminPassword"] = Password, ["adminName"] = "Admin " + slug });
        return await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
    }

    /// <summary>Signs in through the login form and returns the client holding the cookie.</summary>
    public static async Task<TestClient> SignInAsync(TestHost host, string pathBase, string email, string password = Password)
    {
        var client = host.CreateClient();
        var login = await client.GetPageAsync($"{pathBase}/login");
        var response = await client.SubmitFormAsync(login, $"{pathBase}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
