using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Sandbox.Faults;
using Telemed.Sandbox.Inspection;
using Telemed.Sandbox.Zoom;

namespace Telemed.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Registers the provider sandbox with options bound from the "Sandbox" section and then <paramref name="configure"/>.</summary>
    public static IServiceCollection AddProviderSandbox(this IServiceCollection services, Action<SandboxOptions>? configure = null)
    {
        var options = services.AddOptions<SandboxOptions>().BindConfiguration("Sandbox");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FaultRegistry>();
        services.TryAddSingleton<RequestLog>();
        services.AddHttpClient(SandboxHttpClients.Webhooks);

        services.AddZoomSandbox();
        return services;
    }
}

/// <summary>Names of the outgoing HTTP clients the sandbox uses.</summary>
public static class SandboxHttpClients
{
    public const string Webhooks = "Telemed.Sandbox.Webhooks";
}
