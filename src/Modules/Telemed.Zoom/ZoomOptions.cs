namespace Telemed.Zoom;

/// <summary>The platform's Zoom app and where Zoom is, bound from the "Zoom" configuration section.</summary>
public sealed class ZoomOptions
{
    public const string RealOAuthBaseUrl = "https://zoom.us";
    public const string RealApiBaseUrl = "https://api.zoom.us/v2";

    /// <summary>The webhook secret of the sandbox's demo app, printed in the README: never a real app's.</summary>
    public const string DemoWebhookSecret = "sandboxWebhookSecret789";

    /// <summary>
    /// Mount the provider sandbox at <c>/sandbox</c> and use it as Zoom. Unset, it is used in Development while
    /// no <see cref="ClientId"/> is set; elsewhere it is mounted only when this is true.
    /// </summary>
    public bool? UseSandbox { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The app's webhook "Secret Token" (not the client secret): the key of webhook signatures.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Zoom's OAuth root (authorize, token, revoke); defaults to zoom.us, or the mounted sandbox.</summary>
    public string? OAuthBaseUrl { get; set; }

    /// <summary>Zoom's REST root including <c>/v2</c>; defaults to api.zoom.us/v2, or the mounted sandbox.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>How this host is reached from outside (for the mounted sandbox's links and webhooks); defaults to the listening address.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Whether a recipe's <c>sandboxConnections</c> connect hosts to the mounted sandbox (the demo's doctors). Tests that walk
    /// a doctor through Connect Zoom themselves turn it off.
    /// </summary>
    public bool RecipeSandboxConnections { get; set; } = true;

    /// <summary>One HTTP attempt to Zoom gives up after this long; the job retries later.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Set from the host environment: whether the sandbox is the default when nothing is configured.</summary>
    internal bool SandboxByDefault { get; set; }

    internal bool SandboxMounted => UseSandbox ?? (SandboxByDefault && string.IsNullOrWhiteSpace(ClientId));

    /// <summary>Whether hosts can connect at all: a real app or the sandbox.</summary>
    internal bool IsConfigured => SandboxMounted || !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>A real app outside Development must have its own webhook secret, not none and not the demo's.</summary>
    internal bool HasProductionWebhookSecret(bool development) =>
        development || SandboxMounted || string.IsNullOrWhiteSpace(ClientId)
        || (!string.IsNullOrWhiteSpace(WebhookSecret) && WebhookSecret != DemoWebhookSecret);
}
