using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Security;
using Telemed.GoogleMeet.Services;
using Telemed.Sandbox;

namespace Telemed.GoogleMeet;

/// <summary>
/// The provider sandbox, mounted at <c>/sandbox</c> and used as Google when no real Google app is configured (see
/// <see cref="GoogleOptions.UseSandbox"/>). The sandbox is one for every provider: whichever provider module needs it
/// first mounts it.
/// </summary>
internal static class GoogleSandboxMounting
{
    /// <summary>The platform operator's permission to the sandbox's control area (which lists every account's tokens).</summary>
    private const string ControlPolicy = "sandbox.control";

    public static void AddGoogleSandboxWhenUsed(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        var options = new GoogleOptions { SandboxByDefault = development };
        configuration.GetSection("Google").Bind(options);
        if (options.SandboxMounted)
        {
            services.AddProviderSandbox();
            services.AddNoReferrerPaths(GoogleUrls.SandboxPrefix);
        }
    }

    public static void MapGoogleSandboxWhenUsed(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GoogleOptions>>().Value;
        if (options.SandboxMounted)
        {
            endpoints.MapProviderSandbox(GoogleUrls.SandboxPrefix, AllowsSandboxControlAsync);
        }
        else if (!options.IsConfigured)
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<GoogleMeetStartup>().LogWarning(
                "Google Meet is not configured: hosts cannot connect Google. Set Google:ClientId and Google:ClientSecret, or Google:UseSandbox=true for the demo sandbox.");
        }
    }

    /// <summary>Platform operators only; the policy is declared by the module that owns the sandbox's permission, and without it nobody passes.</summary>
    private static async ValueTask<bool> AllowsSandboxControlAsync(HttpContext context)
    {
        var policies = context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        return await policies.GetPolicyAsync(ControlPolicy) is { } policy
            && (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, policy)).Succeeded;
    }
}
