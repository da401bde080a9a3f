using Microsoft.Extensions.Logging;
using Telemed.Core.Clinic;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Core.Theming;

namespace Telemed.Tenants.Services;

/// <summary>What the operator or a signing-up clinic asks for; recipe values fill what is left empty.</summary>
public sealed record ClinicRequest(string? Slug = null, string? Name = null, string? TimeZone = null, string? Theme = null);

/// <summary>
/// Creates a clinic from a recipe. If any step fails the clinic is deleted again, and with it every
/// row a step had written (tenant-owned rows cascade), so no half-made tenant remains.
/// </summary>
public sealed class TenantProvisioner(TenantRegistry registry, RecipeExecutor executor, PublicThemes themes, ILogger<TenantProvisioner> logger)
{
    public async Task<Tenant> ProvisionAsync(Recipe recipe, ClinicRequest request, CancellationToken cancellationToken = default)
    {
        var slug = (request.Slug ?? recipe.Tenant?.Slug ?? "").Trim().ToLowerInvariant();
        if (SlugRules.Problem(slug) is { } problem)
        {
            throw new TenantProvisioningException(nameof(ClinicRequest.Slug), problem);
        }
        if (await registry.FindBySlugAsync(slug, cancellationToken) is not null)
        {
            throw new TenantProvisioningException(nameof(ClinicRequest.Slug), $"The address '{slug}' is already taken.");
        }
        var asked = request.TimeZone ?? recipe.Tenant?.TimeZone ?? "UTC";
        if (!IanaZones.TryFind(asked, out var zone))
        {
            throw new TenantProvisioningException(nameof(ClinicRequest.TimeZone),
                $"'{(asked.Length > IanaZones.MaxLength ? asked[..IanaZones.MaxLength] + "…" : asked)}' is not a known time zone. Give an IANA zone such as Europe/London.");
        }
        var timeZone = zone.Id;
        var theme = (request.Theme ?? recipe.Tenant?.Theme ?? PublicThemes.DefaultName).Trim().ToLowerInvariant();
        if (!themes.IsInstalled(theme))
        {
            throw new TenantProvisioningException(nameof(ClinicRequest.Theme),
                $"There is no theme called '{(theme.Length > 40 ? theme[..40] + "…" : theme)}'. Choose one of: {string.Join(", ", themes.All.Select(t => t.Name))}.");
        }
        executor.Validate(recipe);

        var tenant = new Tenant(Guid.NewGuid(), slug, request.Name ?? recipe.Tenant?.Name ?? slug, recipe.Tenant?.HostNames ?? [],
            TenantState.Active, theme, timeZone, DateTimeOffset.UtcNow);
        try
        {
            await registry.CreateAsync(tenant, cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            throw new TenantProvisioningException(nameof(ClinicRequest.Slug), $"The address '{slug}' is already taken.");
        }

        try
        {
            await executor.ExecuteAsync(recipe, tenant, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Provisioning {Slug} from {Recipe} failed; removing the clinic", slug, recipe.Name);
            await registry.DeleteAsync(tenant.Id, CancellationToken.None);
            throw;
        }
        logger.LogInformation("Provisioned clinic {Slug} from recipe {Recipe}", slug, recipe.Name);
        return tenant;
    }
}

/// <summary>A clinic could not be created because of what was asked; <see cref="Field"/> names the culprit.</summary>
public sealed class TenantProvisioningException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
