namespace Telemed.Sandbox.Zoom;

/// <summary>The sandbox's Zoom app (client, redirect allow list, webhook secret) and its emulated limits.</summary>
public sealed class ZoomSandboxOptions
{
    public string ClientId { get; set; } = "sandboxClientId123";
    public string ClientSecret { get; set; } = "sandboxClientSecret456";

    /// <summary>The app's webhook "Secret Token" (not the client secret): key of webhook signatures.</summary>
    public string WebhookSecretToken { get; set; } = "sandboxWebhookSecret789";

    /// <summary>The product's event-notification endpoint; webhooks are only sent when it is set.</summary>
    public string? WebhookEndpointUrl { get; set; }

    /// <summary>Retry a webhook the product did not acknowledge with a 2xx, like Zoom does.</summary>
    public bool RetryWebhooks { get; set; } = true;

    /// <summary>Waits before each webhook retry; empty means Zoom's 5, 20 and 60 minutes. Tests shorten them.</summary>
    public TimeSpan[] WebhookRetryDelays { get; set; } = [];

    /// <summary>How long the sandbox waits for the product to answer a webhook (Zoom allows 3 seconds).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Redirect URIs registered on the app; an authorize request must use one of them exactly. Empty means a localhost default.</summary>
    public string[] RedirectUris { get; set; } = [];

    /// <summary>Also accept any http(s) redirect URI on localhost or a loopback address (handy for local runs).</summary>
    public bool AllowLoopbackRedirectUris { get; set; } = true;

    /// <summary>Refuse an authorization request that carries no PKCE code_challenge (Zoom itself does not require one).</summary>
    public bool RequirePkce { get; set; }

    /// <summary>Scopes granted to every token unless an account is configured otherwise.</summary>
    public string Scopes { get; set; } =
        "meeting:write:meeting meeting:update:meeting meeting:delete:meeting meeting:read:meeting meeting:read:list_meetings meeting:update:status user:read:user";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Life of the host token embedded in start_url (2 hours for normal users).</summary>
    public TimeSpan StartUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Meeting create/update requests one user may make per UTC day.</summary>
    public int DailyMeetingRequestLimit { get; set; } = 100;

    /// <summary>Generate a passcode when a create request has none, as accounts that enforce passcodes do.</summary>
    public bool GeneratePasscodeWhenMissing { get; set; } = true;

    /// <summary>Base of start_url and join_url; defaults to the sandbox's own Zoom root, which serves small start/join pages.</summary>
    public string? MeetingLinkBaseUrl { get; set; }

    /// <summary>Time zone of users created on demand.</summary>
    public string DefaultTimezone { get; set; } = "UTC";

    /// <summary>Users that exist from the start (and again after a reset); empty means dr.alice, dr.bob and dr.carol @sandbox.test. Others are created when first named.</summary>
    public string[] SeedUsers { get; set; } = [];

    // Arrays default to empty because configuration binding appends to, rather than replaces, preset items.
    internal IReadOnlyList<string> EffectiveSeedUsers =>
        SeedUsers.Length > 0 ? SeedUsers : ["dr.alice@sandbox.test", "dr.bob@sandbox.test", "dr.carol@sandbox.test"];

    internal IReadOnlyList<string> EffectiveRedirectUris =>
        RedirectUris.Length > 0 ? RedirectUris : ["http://localhost:5000/zoom/callback", "https://localhost:5001/zoom/callback"];

    internal IReadOnlyList<TimeSpan> EffectiveWebhookRetryDelays =>
        !RetryWebhooks ? [] : WebhookRetryDelays.Length > 0 ? WebhookRetryDelays
            : [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(60)];
}
