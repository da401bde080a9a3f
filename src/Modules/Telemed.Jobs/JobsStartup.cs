using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Security;
using Telemed.Jobs.Data;
using Telemed.Jobs.Services;

namespace Telemed.Jobs;

/// <summary>The durable job queue: enqueue, workers, recurring jobs on cron schedules, and the jobs dashboard.</summary>
public sealed class JobsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().BindConfiguration("Jobs");
        services.AddMigrations<JobsMigrations>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<IJobQueue>(provider => provider.GetRequiredService<JobQueue>());
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<HeldLeases>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobCompleter>();
        services.AddHostedService<JobWorker>();
        services.AddCronScheduler();
        services.AddJob<JobCleanupHandler>(JobCleanupHandler.Kind);
        services.AddRecurringJob(JobCleanupHandler.Kind, "0 * * * *", "UTC", "Removes finished jobs after the retention period.");

        services.AddJobsDashboard();
        services.AddPermissions<JobPermissions>();
        services.AddAdminMenu(
            new AdminMenuItem("Jobs", "/admin/jobs", JobPermissions.ViewJobs.Name, 80, Group: AdminMenuGroups.Activity),
            new AdminMenuItem("Jobs", "/platform/jobs", JobPermissions.PlatformJobs.Name, 10, AdminMenuItem.Platform));
    }
}

public sealed class JobPermissions : IPermissionProvider
{
    public static readonly Permission ViewJobs = new("jobs.view", "See the clinic's background jobs", Roles.ClinicAdmin);
    public static readonly Permission ManageJobs = new("jobs.manage", "Retry, cancel and delete the clinic's background jobs", Roles.ClinicAdmin);
    public static readonly Permission PlatformJobs = new("platform.jobs", "See, retry, cancel and delete every clinic's background jobs", Roles.PlatformAdmin);

    public IEnumerable<Permission> GetPermissions() => [ViewJobs, ManageJobs, PlatformJobs];
}
