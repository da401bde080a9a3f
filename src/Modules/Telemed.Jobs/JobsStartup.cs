using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Security;
using Telemed.Jobs.Data;
using Telemed.Jobs.Diagnostics;
using Telemed.Jobs.Services;

namespace Telemed.Jobs;

/// <summary>The durable job queue: enqueue, workers, recurring jobs, and the failed-jobs pages.</summary>
public sealed class JobsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().BindConfiguration("Jobs");
        services.AddMigrations<JobsMigrations>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<IJobQueue>(provider => provider.GetRequiredService<JobQueue>());
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobWorker>();
        services.AddHostedService<RecurringJobScheduler>();
        services.AddJob<JobCleanupHandler>(JobCleanupHandler.Kind);
        services.AddSingleton(new RecurringJob(JobCleanupHandler.Kind, TimeSpan.FromHours(1)));
        if (configuration.GetValue<bool>("Jobs:Diagnostics"))
        {
            services.AddJob<NoopJobHandler>(NoopJobHandler.Kind);
            services.AddJob<AppendJobHandler>(AppendJobHandler.Kind);
        }

        services.AddPermissions<JobPermissions>();
        services.AddAdminMenu(
            new AdminMenuItem("Jobs", "/admin/jobs", JobPermissions.ViewJobs.Name, 80),
            new AdminMenuItem("Jobs", "/platform/jobs", JobPermissions.ViewJobs.Name, 10, AdminMenuItem.Platform));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AddPageRoute("/Jobs/Failed", "/platform/jobs"));
    }
}

public sealed class JobPermissions : IPermissionProvider
{
    public static readonly Permission ViewJobs = new("jobs.view", "See failed background jobs and retry them", Roles.ClinicAdmin, Roles.PlatformAdmin);

    public IEnumerable<Permission> GetPermissions() => [ViewJobs];
}
