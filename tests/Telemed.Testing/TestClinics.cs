using System.Net;
using Xunit;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Testing;

/// <summary>Clinics provisioned through the product's own code (the new-clinic recipe), their hosts, sign-in and appointment events.</summary>
public static class TestClinics
{
    public const string Password = "Clinic-Pass-1";

    /// <summary>The first administrator every test clinic gets (with <see cref="Password"/>).</summary>
    public const string AdminEmail = "admin@clinic.test";

    public static async Task<Tenant> ProvisionAsync(TestHost host, string slugPrefix)
    {
        var slug = $"{slugPrefix}-{Guid.NewGuid():N}"[..16];
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "new-clinic.recipe.json")),
            new Dictionary<string, string> { ["adminEmail"] = AdminEmail, ["adminPassword"] = Password, ["adminName"] = "Admin " + slug });
        return await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
    }

    /// <summary>A copy of the demo clinic from its recipe (its users have the recipe's password, Demo123!), under a fresh slug.</summary>
    public static async Task<Tenant> ProvisionDemoAsync(TestHost host, string slugPrefix)
    {
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "demo-clinic.recipe.json")));
        var slug = $"{slugPrefix}-{Guid.NewGuid():N}"[..14];
        return await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Demo {slug}", "Europe/London"));
    }

    /// <summary>A user with the Host role, known to the tests' host directory (see <see cref="TestHostDirectoryRegistration"/>).</summary>
    public static async Task<(HostSummary Host, string Email)> AddHostAsync(TestHost host, Tenant tenant, string timeZone)
    {
        var email = $"host-{Guid.NewGuid():N}"[..13] + "@clinic.test";
        var user = await host.InTenantAsync(tenant, services =>
            services.GetRequiredService<IUserDirectory>().CreateAsync(email, Password, "Dr Test Host", [Roles.Host]));
        var summary = new HostSummary(Guid.NewGuid(), user.Id, "Dr Test Host", timeZone);
        host.GetRequiredService<TestHosts>().Add(tenant.Id, summary);
        return (summary, email);
    }

    public static async Task<TestClient> SignInAsync(TestHost host, string pathBase, string email)
    {
        var client = host.CreateClient();
        var login = await client.GetPageAsync($"{pathBase}/login");
        var response = await client.SubmitFormAsync(login, $"{pathBase}/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Task PublishAsync(TestHost host, Tenant tenant, params AppointmentChanged[] changes) =>
        host.InTenantAsync(tenant, async services =>
        {
            foreach (var change in changes)
            {
                await services.GetRequiredService<EventPublisher>().PublishAsync(change, tenant.Id);
            }
            return true;
        });
}
