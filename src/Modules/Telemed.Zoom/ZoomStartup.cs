using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Modules;
using Telemed.Core.Navigation;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Sandbox;
using Telemed.Sandbox.Zoom.Webhooks;
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
        services.AddAdminMenu(new AdminMenuItem("Zoom", "/admin/zoom", ZoomPermissions.Names.ManageZoom, 62));
        services.AddSingleton(new MeetingsAdminLink("Zoom settings", "/admin/zoom"));
        // The addresses these pages had while Zoom kept meetings itself; bookmarks and links keep working.
        services.Configure<RazorPagesOptions>(options =>
        {
            AddFormerAddress(options, "/Meetings/Connections", "zoom/connection");
            AddFormerAddress(options, "/Meetings/Sessions", "zoom/sessions");
            AddFormerAddress(options, "/Meetings/AdminConnections", "admin/zoom/hosts");
            AddFormerAddress(options, "/Meetings/AdminMeetings", "admin/zoom/meetings");
        });

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
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ZoomOptions>>().Value;
        if (options.SandboxMounted)
        {
            endpoints.MapProviderSandbox(ZoomUrls.SandboxPrefix, AllowsSandboxControlAsync);
        }
        else if (!options.IsConfigured)
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ZoomStartup>().LogWarning(
                "Zoom is not configured: hosts cannot connect it. Set Zoom:ClientId and Zoom:ClientSecret, or Zoom:UseSandbox=true for the demo sandbox.");
        }
    }

    /// <summary>A page answers at an old address too; links are still written to its own.</summary>
    private static void AddFormerAddress(RazorPagesOptions options, string page, string template) =>
        options.Conventions.AddPageRouteModelConvention(page, model => model.Selectors.Add(new SelectorModel
        {
            AttributeRouteModel = new AttributeRouteModel { Template = template, SuppressLinkGeneration = true },
        }));

    /// <summary>The sandbox's control area lists every clinic's start links and tokens: platform operators only.</summary>
    private static async ValueTask<bool> AllowsSandboxControlAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(context.User, ZoomPermissions.ControlSandbox.Name)).Succeeded;

    private static bool IsDevelopment(IConfiguration configuration) =>
        string.Equals(configuration[HostDefaults.EnvironmentKey], Environments.Development, StringComparison.OrdinalIgnoreCase);

    private static bool UsesSandbox(IConfiguration configuration)
    {
        var options = new ZoomOptions { SandboxByDefault = IsDevelopment(configuration) };
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
