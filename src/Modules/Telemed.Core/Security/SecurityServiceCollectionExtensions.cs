using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Adds a module's permissions as policies: a user of this tenant holding a granted role.</summary>
    public static IServiceCollection AddPermissions<TProvider>(this IServiceCollection services)
        where TProvider : class, IPermissionProvider, new()
    {
        var provider = new TProvider();
        services.AddSingleton<IPermissionProvider>(provider);
        services.AddAuthorization(options =>
        {
            foreach (var permission in provider.GetPermissions())
            {
                options.AddPolicy(permission.Name, policy => policy
                    .RequireAuthenticatedUser()
                    .AddRequirements(new TenantUserRequirement())
                    .RequireRole(permission.GrantedTo));
            }
        });
        return services;
    }

    /// <summary>The security headers' options, and cookies marked Secure whenever the request came over HTTPS.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddOptions<SecurityHeadersOptions>().BindConfiguration("SecurityHeaders");
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>Pages under these tenant-relative paths carry a secret in their address and send no Referer.</summary>
    public static IServiceCollection AddNoReferrerPaths(this IServiceCollection services, params string[] paths)
    {
        services.Configure<SecurityHeadersOptions>(options =>
        {
            foreach (var path in paths)
            {
                options.NoReferrerPaths.Add(new PathString(path));
            }
        });
        return services;
    }

    /// <summary>Pages whose address has one of these query parameters carry a secret in it and send no Referer.</summary>
    public static IServiceCollection AddNoReferrerQueryKeys(this IServiceCollection services, params string[] keys)
    {
        services.Configure<SecurityHeadersOptions>(options =>
        {
            foreach (var key in keys)
            {
                options.NoReferrerQueryKeys.Add(key);
            }
        });
        return services;
    }
}
