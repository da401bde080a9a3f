namespace Telemed.GoogleMeet;

/// <summary>The platform's Google app and where Google is, bound from the "Google" configuration section.</summary>
public sealed class GoogleOptions
{
    public const string RealAuthorizeUrl = "https://accounts.google.com/o/oauth2/v2/auth";
    public const string RealOAuthBaseUrl = "https://oauth2.googleapis.com";
    public const string RealApiBaseUrl = "https://www.googleapis.com";

    /// <summary>
    /// Use the provider sandbox mounted at <c>/sandbox</c> as Google. Unset, it is used in Development while no
    /// <see cref="ClientId"/> is set; elsewhere only when this is true.
    /// </summary>
    public bool? UseSandbox { get; set; }

    /// <summary>The platform's OAuth web client (<c>….apps.googleusercontent.com</c>).</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Google's consent page; defaults to accounts.google.com, or the mounted sandbox's.</summary>
    public string? AuthorizeUrl { get; set; }

    /// <summary>Root of the token and revoke endpoints; defaults to oauth2.googleapis.com, or the mounted sandbox.</summary>
    public string? OAuthBaseUrl { get; set; }

    /// <summary>Root of the Calendar and userinfo APIs (without <c>/calendar/v3</c>); defaults to www.googleapis.com, or the mounted sandbox.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>How this host is reached from outside (for the mounted sandbox's consent page); defaults to the platform's address.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether a recipe's <c>sandboxConnections</c> connect hosts to the mounted sandbox's Google (the demo's doctors).</summary>
    public bool RecipeSandboxConnections { get; set; } = true;

    /// <summary>One HTTP attempt to Google gives up after this long; the job retries later.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits between looks at an event whose Meet conference is still being made ("pending"); after the last the job
    /// retries later, and the event is found again by its id rather than made twice.
    /// </summary>
    public TimeSpan[] ConferencePollDelays { get; set; } = [];

    // Arrays default to empty because configuration binding appends to, rather than replaces, preset items.
    internal IReadOnlyList<TimeSpan> EffectiveConferencePollDelays =>
        ConferencePollDelays.Length > 0 ? ConferencePollDelays : [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>Set from the host environment: whether the sandbox is the default when nothing is configured.</summary>
    internal bool SandboxByDefault { get; set; }

    internal bool SandboxMounted => UseSandbox ?? (SandboxByDefault && string.IsNullOrWhiteSpace(ClientId));

    /// <summary>Whether hosts can connect at all: a real app or the sandbox.</summary>
    internal bool IsConfigured => SandboxMounted || !string.IsNullOrWhiteSpace(ClientId);
}
