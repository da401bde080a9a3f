using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Data.Migrations;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers a module's DbContext on the application role, with the tenant session setting applied on open.</summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<Database>().App)
            .AddInterceptors(
                new TenantConnectionInterceptor(provider.GetRequiredService<TenantContext>()),
                new TenantStampingInterceptor(provider.GetRequiredService<TenantContext>())));
        return services;
    }

    public static IServiceCollection AddMigrations<TSource>(this IServiceCollection services)
        where TSource : class, IMigrationSource
    {
        services.AddSingleton<IMigrationSource, TSource>();
        return services;
    }
}
