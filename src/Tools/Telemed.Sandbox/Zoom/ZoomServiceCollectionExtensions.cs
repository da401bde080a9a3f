using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Meetings;
using Telemed.Sandbox.Zoom.OAuth;
using Telemed.Sandbox.Zoom.Webhooks;

namespace Telemed.Sandbox.Zoom;

internal static class ZoomServiceCollectionExtensions
{
    /// <summary>Registers the Zoom emulator's state (singletons: the sandbox is one in-memory Zoom) and its provider entry.</summary>
    public static IServiceCollection AddZoomSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton<ZoomUserDirectory>();
        services.TryAddSingleton<ZoomTokenStore>();
        services.TryAddSingleton<ZoomMeetingStore>();
        services.TryAddSingleton<ZoomWebhookSender>();
        services.TryAddSingleton<ZoomLinks>();
        services.TryAddSingleton<ZoomComplianceLog>();
        services.TryAddSingleton<ZoomApiAuthenticator>();
        services.TryAddSingleton<ZoomMeetingLifecycle>();
        services.TryAddSingleton<ZoomMeetingHandlers>();
        services.TryAddSingleton<Control.ZoomAccountViews>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISandboxProvider, ZoomSandboxProvider>());
        return services;
    }
}
