using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Core.Clinic;
using Telemed.Core.Data;
using Telemed.Core.Events;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Security;
using Telemed.Core.Workflows;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Dashboard;
using Telemed.Meetings.Data;
using Telemed.Meetings.Endpoints;
using Telemed.Meetings.Events;
using Telemed.Meetings.Links;
using Telemed.Meetings.Pages.Meetings;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;
using Telemed.Meetings.Services;
using Telemed.Meetings.Sync;
using Telemed.Meetings.Workflows;

namespace Telemed.Meetings;

/// <summary>Video meetings that follow appointments, whatever the provider; providers plug in with <c>AddMeetingProvider</c>.</summary>
public sealed class MeetingsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeetingsOptions>().BindConfiguration("Meetings");
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenantDbContext<MeetingsDb>();
        services.AddMigrations<MeetingsMigrations>();

        services.AddSingleton<MeetingSecrets>();
        services.AddSingleton<PostgresLocks>();
        services.AddScoped<MeetingProviderRegistry>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<ConnectionFlow>();
        services.AddScoped<SandboxHostConnector>();
        services.AddScoped<MeetingPlanner>();
        services.AddScoped<IAdminAlertSource, MeetingAlerts>();
        services.AddSetupSteps<VideoSetupStep>();
        services.AddScoped<IMeetingScheduler, MeetingScheduler>();
        services.AddScoped<MeetingChanges>();
        services.AddScoped<ProviderCalls>();
        services.AddScoped<MeetingSynchronizer>();
        services.AddScoped<MeetingLinks>();
        services.AddScoped<IMeetingLinks>(provider => provider.GetRequiredService<MeetingLinks>());
        services.AddScoped<MeetingLiveStatus>();
        services.AddScoped<MeetingActions>();
        services.AddScoped<MeetingList>();
        services.AddScoped<HostResolver>();
        services.AddScoped<ConnectionCards>();
        services.AddHostProfileSection("HostVideoConnections", 10);
        // A service may leave the choice to the host: whichever provider they connected.
        services.AddSingleton(new MeetingProviderOption(MeetingProviders.HostsConnected, "The host's connected provider"));

        // Workflows decide when meetings are made, moved and removed; deliveries queued before they did still arrive.
        services.AddWorkflowActivity<CreateMeetingActivity>();
        services.AddWorkflowActivity<UpdateMeetingActivity>();
        services.AddWorkflowActivity<CancelMeetingActivity>();
        services.AddWorkflowActivity<EndMeetingActivity>();
        services.AddScoped<AppointmentMeetingSubscriber>();
        foreach (var kind in AppointmentMeetingSubscriber.FormerKinds)
        {
            services.AddSingleton(new JobKind(kind, typeof(EventDeliveryJob<AppointmentChanged, AppointmentMeetingSubscriber>)));
        }
        services.AddJob<SyncMeetingJob>(SyncMeetingJob.Kind);
        services.AddJob<VerifyMeetingJob>(VerifyMeetingJob.Kind);
        services.AddSingleton(new JobKind(SyncMeetingJob.FormerKind, typeof(SyncMeetingJob)));
        services.AddPermissions<MeetingsPermissions>();
        services.AddAdminMenu(
            new AdminMenuItem("Video meetings", "/admin/meetings", MeetingsPermissions.Names.Manage, 60, Group: AdminMenuGroups.Video),
            new AdminMenuItem("My video sessions", "/meetings/sessions", MeetingsPermissions.Names.Host, 61));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStartSession().WithName("meetings.start");
        MeetingsApiEndpoints.Map(endpoints);
    }
}
