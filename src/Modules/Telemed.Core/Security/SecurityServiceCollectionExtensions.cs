using Microsoft.AspNetCore.Authorization;
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
}
