using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Security;
using Telemed.Sandbox;
using Telemed.Sandbox.Zoom.Webhooks;
using Telemed.Zoom.Services;

namespace Telemed.Zoom;

/// <summary>The provider sandbox, mounted at <c>/sandbox</c> as Zoom when no real Zoom app is configured (see <see cref="ZoomOptions.UseSandbox"/>).</summary>
internal static class ZoomSandboxMounting
{
    public static void AddZoomSandboxWhenUsed(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        var options = new ZoomOptions { SandboxByDefault = development };
        configuration.GetSection("Zoom").Bind(options);
        if (options.SandboxMounted)
        {
            services.AddProviderSandbox();
            services.AddNoReferrerPaths(ZoomUrls.SandboxPrefix); // start and join links carry the host's token and the passcode
            services.AddHostedService<SandboxWebhookTarget>();
        }
    }

    public static void MapZoomSandboxWhenUsed(this IEndpointRouteBuilder endpoints)
    {
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

    /// <summary>The sandbox's control area lists every clinic's start links and tokens: platform operators only.</summary>
    private static async ValueTask<bool> AllowsSandboxControlAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(context.User, ZoomPermissions.ControlSandbox.Name)).Succeeded;

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
