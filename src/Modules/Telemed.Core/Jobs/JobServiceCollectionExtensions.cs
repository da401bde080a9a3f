using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Jobs;

/// <summary>Maps a job kind to its handler type.</summary>
public sealed record JobKind(string Name, Type HandlerType);

public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJob<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobKind(kind, typeof(THandler)));
        return services;
    }
}
