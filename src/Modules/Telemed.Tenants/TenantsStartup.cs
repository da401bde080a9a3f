using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Data;
using Telemed.Core.Hosting;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Tenants.Dashboard;
using Telemed.Tenants.Data;
using Telemed.Tenants.Hosting;
using Telemed.Tenants.Recipes;
using Telemed.Tenants.Services;

namespace Telemed.Tenants;

/// <summary>The platform area, clinic sign-up, provisioning from recipes, clinic settings and dashboard.</summary>
public sealed class TenantsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMigrations<TenantsMigrations>();
        services.AddSingleton<RecipeFiles>();
        services.AddSingleton<TenantProvisioner>();
        services.AddScoped<ClinicSettingsStore>();
        services.AddSingleton<ClinicSettingsMemory>();
        services.AddScoped<IClinicContact, ClinicContact>();
        services.AddScoped<Telemed.Core.Theming.IClinicBrandingSource, ClinicSettingsBranding>();
        services.AddSingleton<IRecipeStep, SettingsRecipeStep>();
        services.AddSingleton<IStartupTask, PlatformSeeder>();
        services.AddHostedService<WelcomeBanner>();
        services.AddPermissions<TenantPermissions>();
        services.AddSetupSteps<ClinicDetailsSetupStep>();
        services.AddDashboardSection("SetupChecklist", TenantPermissions.ManageSettings.Name, 0);
        services.AddAdminMenu(
            new AdminMenuItem("Clinics", "/platform", TenantPermissions.ManageTenants.Name, 0, AdminMenuItem.Platform),
            new AdminMenuItem("Dashboard", "/admin", TenantPermissions.AccessAdmin.Name, 0),
            new AdminMenuItem("Settings", "/admin/settings", TenantPermissions.ManageSettings.Name, 90, Group: AdminMenuGroups.Setup),
            new AdminMenuItem("Message log", "/admin/messages", TenantPermissions.ReadMessages.Name, 85, Group: AdminMenuGroups.Activity),
            new AdminMenuItem("Message log", "/platform/messages", TenantPermissions.ReadMessages.Name, 30, AdminMenuItem.Platform));
    }
}

public sealed class TenantPermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string ManageTenants = "platform.tenants";
        public const string AccessAdmin = "clinic.admin";
        public const string ManageSettings = "clinic.settings";
        public const string ReadMessages = "clinic.messages";
    }

    public static readonly Permission ManageTenants = new(Names.ManageTenants, "Create, suspend and delete clinics", Roles.PlatformAdmin);
    public static readonly Permission AccessAdmin = new(Names.AccessAdmin, "Use the clinic's staff dashboard", Roles.ClinicAdmin, Roles.Host);
    public static readonly Permission ManageSettings = new(Names.ManageSettings, "Edit the clinic's settings", Roles.ClinicAdmin);
    public static readonly Permission ReadMessages = new(Names.ReadMessages, "Read the message log", Roles.ClinicAdmin, Roles.PlatformAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageTenants, AccessAdmin, ManageSettings, ReadMessages];
}
