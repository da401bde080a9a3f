using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Data;
using Telemed.Core.Events;
using Telemed.Core.Http;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Workflows;
using Telemed.Liquid;
using Telemed.Workflows.Activities;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;
using Telemed.Workflows.Events;
using Telemed.Workflows.Jobs;
using Telemed.Workflows.Recipes;

namespace Telemed.Workflows;

/// <summary>Clinic-edited workflows: what happens when appointments and meetings change, step by step as jobs.</summary>
public sealed class WorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiquid(options => options.ParseMode = LiquidParseMode.Strict);
        services.AddOptions<WorkflowsOptions>().BindConfiguration("Workflows")
            .Validate(o => o.MaxStepsPerInstance is > 0 and <= 10_000, "Workflows:MaxStepsPerInstance must be between 1 and 10000.")
            .Validate(o => o.MaxMessagesPerAppointment is > 0 and <= 1_000, "Workflows:MaxMessagesPerAppointment must be between 1 and 1000.")
            .Validate(o => o.MaxActivityAttempts is > 0 and <= 25, "Workflows:MaxActivityAttempts must be between 1 and 25.");
        services.AddTenantDbContext<WorkflowsDb>();
        services.AddMigrations<WorkflowsMigrations>();
        services.AddGuardedHttpClient(HttpRequestActivity.HttpClientName,
            (provider, _) => provider.GetRequiredService<IOptions<WorkflowsOptions>>().Value.AllowPrivateHttpTargets);

        services.AddSingleton<ActivityCatalog>();
        services.AddSingleton<WorkflowValidator>();
        services.AddSingleton<WorkflowVersionCache>();
        services.AddScoped<WorkflowExpressions>();
        services.AddScoped<WorkflowSnapshots>();
        services.AddScoped<WorkflowStore>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<WorkflowTimers>();
        services.AddScoped<WorkflowDryRun>();
        services.AddScoped<WorkflowSigningKeys>();
        services.AddScoped<IAdminAlertSource, WorkflowAlerts>();

        foreach (var happening in WorkflowEvents.Activities())
        {
            services.AddWorkflowActivity(happening);
        }
        services.AddWorkflowActivity<IfActivity>();
        services.AddWorkflowActivity<DelayActivity>();
        services.AddWorkflowActivity<HttpRequestActivity>();

        services.AddEventSubscriber<AppointmentChanged, WorkflowTriggers>(WorkflowTriggers.AppointmentKind);
        services.AddEventSubscriber<MeetingChanged, WorkflowTriggers>(WorkflowTriggers.MeetingKind);
        services.AddEventSubscriber<ReminderDue, WorkflowTriggers>(WorkflowTriggers.ReminderKind);
        services.AddEventSubscriber<HostConnectionLost, WorkflowTriggers>(WorkflowTriggers.ConnectionKind);
        services.AddJob<RunStepJob>(RunStepJob.Kind);
        services.AddJob<ResumeStepJob>(ResumeStepJob.Kind);
        services.AddJob<AppointmentTimerJob>(AppointmentTimerJob.Kind);
        services.AddSingleton<IRecipeStep, WorkflowsRecipeStep>();

        services.AddPermissions<WorkflowsPermissions>();
        services.AddAdminMenu(new AdminMenuItem("Workflows", "/admin/workflows", WorkflowsPermissions.Manage.Name, 65, Group: AdminMenuGroups.Setup));
    }
}
