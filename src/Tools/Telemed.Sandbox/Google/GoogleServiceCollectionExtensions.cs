using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Sandbox.Google.Accounts;
using Telemed.Sandbox.Google.Calendar;
using Telemed.Sandbox.Google.Control;
using Telemed.Sandbox.Google.OAuth;

namespace Telemed.Sandbox.Google;

internal static class GoogleServiceCollectionExtensions
{
    /// <summary>Registers the Google emulator's state (singletons: the sandbox is one in-memory Google) and its provider entry.</summary>
    public static IServiceCollection AddGoogleSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton<GoogleAppState>();
        services.TryAddSingleton<GoogleAccountDirectory>();
        services.TryAddSingleton<GoogleConsentNonces>();
        services.TryAddSingleton<GoogleTokenStore>();
        services.TryAddSingleton<GoogleEventStore>();
        services.TryAddSingleton<GoogleLinks>();
        services.TryAddSingleton<GoogleApiAuthenticator>();
        services.TryAddSingleton<GoogleEventHandlers>();
        services.TryAddSingleton<GoogleEventListHandler>();
        services.TryAddSingleton<GoogleAccountViews>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISandboxProvider, GoogleSandboxProvider>());
        return services;
    }
}
