using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Data;
using Telemed.Core.Events;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Sandbox;
using Telemed.Sandbox.Zoom.Webhooks;
using Telemed.Zoom.Data;
using Telemed.Zoom.Endpoints;
using Telemed.Zoom.Jobs;
using Telemed.Zoom.Recipes;
using Telemed.Zoom.Services;

namespace Telemed.Zoom;

/// <summary>Zoom meetings for telemed appointments, and the provider sandbox when no real Zoom app is configured.</summary>
public sealed class ZoomStartup : ModuleStartup
{
    public override int Order => 100;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZoomOptions>().BindConfiguration("Zoom").ValidateOnStart()
            .Validate(o => o.SandboxMounted || !string.IsNullOrWhiteSpace(o.ClientSecret), "Zoom:ClientSecret is required with a real Zoom:ClientId.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenantDbContext<ZoomDb>();
        services.AddMigrations<ZoomMigrations>();

        services.AddSingleton<ZoomSecrets>();
        services.AddSingleton<ZoomUrls>();
        services.AddSingleton<ZoomApps>();
        services.AddSingleton<PostgresLocks>();
        services.AddTransient<ZoomTimeoutHandler>();
        services.AddHttpClient<ZoomOAuthClient>().AddHttpMessageHandler<ZoomTimeoutHandler>();
        services.AddHttpClient<ZoomApiClient>().AddHttpMessageHandler<ZoomTimeoutHandler>();
        services.AddScoped<ZoomSettingsStore>();
        services.AddScoped<ZoomAccessTokens>();
        services.AddScoped<ZoomConnections>();
        services.AddScoped<ZoomMeetingPlanner>();
        services.AddScoped<ZoomMeetingSynchronizer>();
        services.AddScoped<ZoomMeetingLinks>();
        services.AddScoped<IMeetingLinks>(provider => provider.GetRequiredService<ZoomMeetingLinks>());
        services.AddScoped<ZoomWebhookReceiver>();
        services.AddScoped<Pages.Zoom.HostResolver>();

        services.AddEventSubscriber<AppointmentChanged, AppointmentMeetingSubscriber>();
        services.AddJob<SyncZoomMeetingJob>(SyncZoomMeetingJob.Kind);
        services.AddJob<ReportDataComplianceJob>(ReportDataComplianceJob.Kind);
        services.AddSingleton<IRecipeStep, ZoomRecipeStep>();
        services.AddNoReferrerPaths("/zoom/callback");
        services.AddPermissions<ZoomPermissions>();
        services.AddAdminMenu(
            new AdminMenuItem("Zoom", "/admin/zoom", ZoomPermissions.ManageZoom.Name, 60),
            new AdminMenuItem("My Zoom", "/zoom/sessions", ZoomPermissions.ConnectZoom.Name, 61));

        if (UsesSandbox(configuration))
        {
            services.AddProviderSandbox();
            services.AddNoReferrerPaths(ZoomUrls.SandboxPrefix); // start and join links carry the host's token and the passcode
            services.AddHostedService<SandboxWebhookTarget>();
        }
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapZoomEndpoints();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<ZoomOptions>>().Value.SandboxMounted)
        {
            endpoints.MapProviderSandbox(ZoomUrls.SandboxPrefix);
        }
    }

    private static bool UsesSandbox(IConfiguration configuration)
    {
        var options = new ZoomOptions();
        configuration.GetSection("Zoom").Bind(options);
        return options.SandboxMounted;
    }

    /// <summary>Points the mounted sandbox's webhooks at this host once it listens, unless configured otherwise.</summary>
    private sealed class SandboxWebhookTarget(IHostApplicationLifetime lifetime, IServiceProvider services, ZoomUrls urls) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var sender = services.GetRequiredService<ZoomWebhookSender>();
                sender.EndpointUrl ??= urls.ServerBase + "/zoom/webhooks";
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
