using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Sandbox.Faults;
using Telemed.Sandbox.Google;
using Telemed.Sandbox.Inspection;
using Telemed.Sandbox.Zoom;

namespace Telemed.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider sandbox with options bound from the "Sandbox" section and then <paramref name="configure"/>.
    /// The sandbox is one for every provider: a second call (another provider module that uses it) only adds <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddProviderSandbox(this IServiceCollection services, Action<SandboxOptions>? configure = null)
    {
        if (services.Any(d => d.ServiceType == typeof(SandboxRegistration)))
        {
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return services;
        }

        services.AddSingleton<SandboxRegistration>();
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
        services.AddGoogleSandbox();
        return services;
    }
}

/// <summary>Marks the sandbox as registered, and remembers whether its endpoints are mapped, so it is set up once however many modules use it.</summary>
internal sealed class SandboxRegistration
{
    public bool Mapped { get; set; }
}

/// <summary>Names of the outgoing HTTP clients the sandbox uses.</summary>
public static class SandboxHttpClients
{
    public const string Webhooks = "Telemed.Sandbox.Webhooks";
}
