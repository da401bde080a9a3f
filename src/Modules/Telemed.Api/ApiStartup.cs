using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Api.Authentication;
using Telemed.Api.Data;
using Telemed.Api.OpenApi;
using Telemed.Api.RateLimits;
using Telemed.Api.Services;
using Telemed.Api.Webhooks;
using Telemed.Core.Api;
using Telemed.Core.Data;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Security;

namespace Telemed.Api;

/// <summary>The clinic's REST API: API keys and the admin page for them, the bearer-key scheme and one policy per scope, and signed outgoing webhooks.</summary>
public sealed class ApiStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenantDbContext<ApiDb>();
        services.AddMigrations<ApiMigrations>();
        services.AddScoped<ApiKeyStore>();
        services.AddSingleton<ApiFallback>();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Not the default scheme: only the scope policies ask for it, so the admin's cookie never opens the API and a key never opens a page.
        services.AddAuthentication().AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorization(options =>
        {
            foreach (var scope in ApiScopes.All)
            {
                options.AddPolicy(ApiScopes.PolicyFor(scope), policy => policy
                    .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                    .RequireAuthenticatedUser()
                    .AddRequirements(new TenantUserRequirement())
                    .RequireClaim(ApiScopes.ClaimType, scope)
                    .AddRequirements(ApiRateLimitRequirement.Instance));
            }
        });

        services.AddWebhooks();

        services.AddPermissions<ApiPermissions>();
        services.AddAdminMenu(
            new AdminMenuItem("API keys", "/admin/api-keys", ApiPermissions.Names.ManageApiKeys, 80, Group: AdminMenuGroups.Setup),
            new AdminMenuItem("Webhooks", "/admin/webhooks", ApiPermissions.Names.ManageWebhooks, 81, Group: AdminMenuGroups.Setup));
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section)
            .Validate(o => o.PermitsPerMinute > 0 && o.Window > TimeSpan.Zero, "Api:RateLimit needs a positive PermitsPerMinute and Window.").ValidateOnStart();
        services.AddScoped<ApiRateLimiter>();
        services.AddSingleton<IAuthorizationHandler, ApiRateLimitAuthorizationHandler>();
        services.AddClinicApiDocument();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Otherwise an address no module maps would get the site's HTML error page: clients read problem details.
        endpoints.MapFallback(ApiRoutes.Prefix + "/{**path}", (HttpRequest request, ApiFallback fallback) => fallback.Answer(request))
            .WithName("ApiNotFound")
            .ExcludeFromDescription();
        endpoints.MapClinicApiReference();
    }
}
