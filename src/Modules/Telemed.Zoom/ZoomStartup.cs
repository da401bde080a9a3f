using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Meetings;
using Telemed.Meetings.Providers;
using Telemed.Zoom.Data;
using Telemed.Zoom.Endpoints;
using Telemed.Zoom.Jobs;
using Telemed.Zoom.Recipes;
using Telemed.Zoom.Services;

namespace Telemed.Zoom;

/// <summary>Zoom as a meeting provider, and the provider sandbox when no real Zoom app is configured.</summary>
public sealed class ZoomStartup : ModuleStartup
{
    /// <summary>How services name Zoom as their meeting provider.</summary>
    public const string ProviderId = "zoom";
    public const string ProviderName = "Zoom";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var development = IsDevelopment(configuration);
        services.AddOptions<ZoomOptions>().BindConfiguration("Zoom").Configure(o => o.SandboxByDefault = development).ValidateOnStart()
            .Validate(o => o.SandboxMounted || string.IsNullOrWhiteSpace(o.ClientId) || !string.IsNullOrWhiteSpace(o.ClientSecret), "Zoom:ClientSecret is required with a real Zoom:ClientId.")
            .Validate(o => o.HasProductionWebhookSecret(development),
                $"Zoom:WebhookSecret must be the Zoom app's own secret token; it is missing or the sandbox's demo value ({ZoomOptions.DemoWebhookSecret}).");
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenantDbContext<ZoomDb>();
        services.AddMigrations<ZoomMigrations>();

        services.AddSingleton<ZoomSecrets>();
        services.AddSingleton<ZoomUrls>();
        services.AddSingleton<ZoomApps>();
        services.AddTransient<ZoomTimeoutHandler>();
        services.AddHttpClient<ZoomOAuthClient>().AddHttpMessageHandler<ZoomTimeoutHandler>();
        services.AddHttpClient<ZoomApiClient>().AddHttpMessageHandler<ZoomTimeoutHandler>();
        services.AddScoped<ZoomSettingsStore>();
        services.AddMeetingProvider<ZoomMeetingProvider>(ProviderId, ProviderName);
        services.AddOAuthConnector<ZoomConnector>();
        services.AddScoped<ZoomWebhookReceiver>();

        services.AddJob<ReportDataComplianceJob>(ReportDataComplianceJob.Kind);
        services.AddJob<ConnectSandboxHostJob>(ConnectSandboxHostJob.Kind);
        services.AddSingleton<IRecipeStep, ZoomRecipeStep>();
        services.AddNoReferrerPaths("/zoom/callback");
        services.AddPermissions<ZoomPermissions>();
        services.AddAdminMenu(new AdminMenuItem("Zoom", "/admin/zoom", ZoomPermissions.Names.ManageZoom, 62, Group: AdminMenuGroups.Video));
        services.AddSingleton(new MeetingsAdminLink("Zoom settings", "/admin/zoom"));
        services.AddFormerZoomAddresses();
        services.AddZoomSandboxWhenUsed(configuration, development);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapZoomEndpoints();
        endpoints.MapZoomSandboxWhenUsed();
    }

    internal static bool IsDevelopment(IConfiguration configuration) =>
        string.Equals(configuration[HostDefaults.EnvironmentKey], Environments.Development, StringComparison.OrdinalIgnoreCase);
}
