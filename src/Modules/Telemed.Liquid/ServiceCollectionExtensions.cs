using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telemed.Liquid.Filters;
using Telemed.Liquid.Values;

namespace Telemed.Liquid;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Liquid engine (with its template cache) as a singleton. Modules add filters and
    /// exposed members through <see cref="AddLiquidFilter"/> and <see cref="AddLiquidMembers{T}"/>.
    /// </summary>
    public static IServiceCollection AddLiquid(this IServiceCollection services, Action<LiquidOptions>? configure = null)
    {
        services.AddOptions<LiquidOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<ILiquidTemplateStore, InMemoryLiquidTemplateStore>();
        services.TryAddSingleton(provider => new LiquidEngine(
            provider.GetRequiredService<IOptions<LiquidOptions>>().Value,
            provider.GetService<ILiquidTemplateStore>()));
        services.TryAddSingleton<ILiquidEngine>(provider => provider.GetRequiredService<LiquidEngine>());
        return services;
    }

    public static IServiceCollection AddLiquidFilter(this IServiceCollection services, string name, LiquidFilter filter) =>
        services.Configure<LiquidOptions>(options => options.Filters.Add(name, filter));

    /// <summary>Adds a filter whose calls must pass between <paramref name="minArguments"/> and <paramref name="maxArguments"/> arguments.</summary>
    public static IServiceCollection AddLiquidFilter(this IServiceCollection services, string name, LiquidFilter filter, int minArguments, int maxArguments) =>
        services.Configure<LiquidOptions>(options => options.Filters.Add(name, filter, minArguments, maxArguments));

    public static IServiceCollection AddLiquidMembers<T>(this IServiceCollection services, Action<LiquidTypeMembers<T>> configure) =>
        services.Configure<LiquidOptions>(options => options.Members.Register(configure));
}
