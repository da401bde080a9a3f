using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telemed.Core.Hosting;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Tenants.Hosting;

/// <summary>
/// On first start: the operator's platform admin, and the demo clinic from its recipe. Later starts
/// find both and do nothing. Several nodes starting at once may race; the loser's unique-key
/// violation is harmless.
/// </summary>
public sealed class PlatformSeeder(
    IConfiguration configuration, TenantRegistry registry, TenantScopeFactory scopes, TenantProvisioner provisioner,
    RecipeFiles recipes, ILogger<PlatformSeeder> logger) : IStartupTask
{
    public int Order => 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var platform = await registry.FindByIdAsync(Tenant.PlatformId, cancellationToken)
            ?? throw new InvalidOperationException("The platform tenant is missing.");
        var email = configuration["Platform:AdminEmail"] ?? "operator@telemed.local";
        await scopes.RunAsync(platform, async services =>
        {
            var users = services.GetRequiredService<IUserDirectory>();
            if (await users.FindByEmailAsync(email, cancellationToken) is null)
            {
                await users.CreateAsync(email, configuration["Platform:AdminPassword"] ?? "Operator123!", "Platform operator", [Roles.PlatformAdmin], cancellationToken);
                logger.LogInformation("Created platform admin {Email}", email);
            }
        });

        if (configuration.GetValue("Platform:SeedDemo", true) && await registry.FindBySlugAsync("demo", cancellationToken) is null)
        {
            try
            {
                var recipe = Recipe.Parse(await recipes.ReadAsync("demo-clinic", cancellationToken));
                await provisioner.ProvisionAsync(recipe, new ClinicRequest(), cancellationToken);
            }
            catch (TenantProvisioningException exception) when (exception.Field == nameof(ClinicRequest.Slug))
            {
                logger.LogInformation("The demo clinic was seeded by another node: {Reason}", exception.Message);
            }
        }
    }
}
