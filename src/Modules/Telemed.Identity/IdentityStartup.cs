using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Identity.Data;
using Telemed.Identity.Models;
using Telemed.Identity.Recipes;
using Telemed.Identity.Services;

namespace Telemed.Identity;

/// <summary>Users, roles and sign-in, each scoped to one clinic.</summary>
public sealed class IdentityStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<IdentityDb>();
        services.AddMigrations<IdentityMigrations>();
        services.AddIdentity<TelemedUser, TelemedRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 5));
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".telemed.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            options.CookieManager = new TenantCookieManager();
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/access-denied";
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // A cookie minted for one clinic is worthless at another, even if copied across.
                OnValidatePrincipal = context =>
                {
                    var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>().TenantId;
                    if (context.Principal?.FindFirst(TelemedClaims.TenantId)?.Value != tenant?.ToString())
                    {
                        context.RejectPrincipal();
                    }
                    return SecurityStampValidator.ValidatePrincipalAsync(context);
                },
            };
        });
        services.AddAntiforgery(options => options.Cookie.Name = ".telemed.csrf");

        services.AddNoReferrerPaths("/reset-password");
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<IInvitations, Invitations>();
        services.AddSingleton<IRecipeStep, UsersRecipeStep>();
        services.AddPermissions<IdentityPermissions>();
        services.AddAdminMenu(
            new AdminMenuItem("People", "/admin/users", IdentityPermissions.ManageUsers.Name, 42, Group: AdminMenuGroups.Setup),
            new AdminMenuItem("Operators", "/platform/users", IdentityPermissions.ManageUsers.Name, 20, AdminMenuItem.Platform));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AddPageRoute("/Users/Index", "/platform/users"));
    }
}

public sealed class IdentityPermissions : IPermissionProvider
{
    /// <summary>The permission names, as constants for <c>[Authorize(Policy = ...)]</c>.</summary>
    public static class Names
    {
        public const string ManageUsers = "users.manage";
    }

    public static readonly Permission ManageUsers = new(Names.ManageUsers, "Manage the clinic's users", Roles.ClinicAdmin, Roles.PlatformAdmin);

    public IEnumerable<Permission> GetPermissions() => [ManageUsers];
}
