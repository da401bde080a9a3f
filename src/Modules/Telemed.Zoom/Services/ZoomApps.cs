using Microsoft.Extensions.Options;
using Telemed.Meetings.Data;
using Telemed.Sandbox;
using Telemed.Zoom.Data;

namespace Telemed.Zoom.Services;

/// <summary>An OAuth app's credentials: the platform's Zoom app or a clinic's own.</summary>
public sealed record ZoomApp(string ClientId, string ClientSecret, string WebhookSecret, bool IsClinicOwn);

/// <summary>Chooses the app a clinic connects with, and finds the app that issued a connection's tokens.</summary>
public sealed class ZoomApps(IOptions<ZoomOptions> options, IOptions<SandboxOptions> sandbox, ZoomSecrets secrets)
{
    /// <summary>The platform's app: configured, or the mounted sandbox's.</summary>
    public ZoomApp Platform
    {
        get
        {
            var zoom = options.Value;
            var fallback = sandbox.Value.Zoom;
            return zoom.SandboxMounted && string.IsNullOrWhiteSpace(zoom.ClientId)
                ? new ZoomApp(fallback.ClientId, fallback.ClientSecret, zoom.WebhookSecret ?? fallback.WebhookSecretToken, false)
                : new ZoomApp(zoom.ClientId ?? "", zoom.ClientSecret ?? "", zoom.WebhookSecret ?? "", false);
        }
    }

    /// <summary>The app new connections of this clinic use.</summary>
    public ZoomApp ForClinic(ZoomClinicSettings settings) =>
        settings.UseOwnApp && !string.IsNullOrWhiteSpace(settings.ClientId) && settings.ProtectedClientSecret is not null
            ? new ZoomApp(settings.ClientId, secrets.UnprotectAppSecret(settings.ProtectedClientSecret),
                settings.ProtectedWebhookSecret is null ? "" : secrets.UnprotectAppSecret(settings.ProtectedWebhookSecret), true)
            : Platform;

    /// <summary>The app that issued a connection's tokens, even if the clinic has switched apps since.</summary>
    public ZoomApp ForConnection(HostConnection connection, ZoomClinicSettings settings)
    {
        var clinic = ForClinic(settings);
        return clinic.ClientId == connection.ClientId ? clinic : Platform;
    }
}
