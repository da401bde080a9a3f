using Microsoft.Extensions.DependencyInjection;
using Telemed.Jobs.Services;

namespace Telemed.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Recurring jobs on cron schedules: checked at start, and each occurrence enqueued once across nodes.</summary>
    public static IServiceCollection AddCronScheduler(this IServiceCollection services)
    {
        services.AddSingleton<CronSchedules>();
        services.AddSingleton<CronScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<CronScheduler>());
        return services;
    }
}
