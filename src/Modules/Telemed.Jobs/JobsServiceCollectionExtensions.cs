using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Navigation;
using Telemed.Jobs.Pages.Jobs;
using Telemed.Jobs.Services;

namespace Telemed.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The jobs dashboard's reads, commands and page builder, and its warnings on the admin home pages.</summary>
    public static IServiceCollection AddJobsDashboard(this IServiceCollection services)
    {
        services.AddOptions<JobsDashboardOptions>().BindConfiguration("Jobs:Dashboard");
        services.AddSingleton<JobDashboardQueries>();
        services.AddSingleton<JobCommands>();
        services.AddSingleton<DashboardBuilder>();
        services.AddSingleton<JobAlerts>();
        services.AddSingleton<IAdminAlertSource>(provider => provider.GetRequiredService<JobAlerts>());
        return services;
    }

    /// <summary>Recurring jobs on cron schedules: checked at start, and each occurrence enqueued once across nodes.</summary>
    public static IServiceCollection AddCronScheduler(this IServiceCollection services)
    {
        services.AddSingleton<CronSchedules>();
        services.AddSingleton<CronScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<CronScheduler>());
        return services;
    }
}
