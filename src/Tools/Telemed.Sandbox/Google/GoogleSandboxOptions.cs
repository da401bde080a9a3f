using Telemed.Sandbox.Google.Calendar;

namespace Telemed.Sandbox.Google;

/// <summary>The sandbox's Google OAuth web client (client, redirect allow list) and its emulated Calendar behaviour.</summary>
public sealed class GoogleSandboxOptions
{
    public string ClientId { get; set; } = "sandbox-telemed.apps.googleusercontent.com";
    public string ClientSecret { get; set; } = "sandboxGoogleSecret456";

    /// <summary>Redirect URIs registered on the client; an authorize request must use one of them exactly. Empty means a localhost default.</summary>
    public string[] RedirectUris { get; set; } = [];

    /// <summary>Also accept any http(s) redirect URI on localhost or a loopback address (handy for local runs).</summary>
    public bool AllowLoopbackRedirectUris { get; set; } = true;

    /// <summary>
    /// The consent screen's publishing status: "production", or "testing", in which refresh tokens expire
    /// <see cref="TestingRefreshTokenLifetime"/> after they were issued (Google's seven days) and refresh answers invalid_grant.
    /// </summary>
    public string PublishingStatus { get; set; } = "production";

    public TimeSpan TestingRefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How new Meet conferences turn out for every account unless an account is set otherwise: success, pending or failure.</summary>
    public GoogleConferenceOutcome Conference { get; set; } = GoogleConferenceOutcome.Success;

    /// <summary>How many events.get calls a pending conference needs before it answers success (the Nth one does).</summary>
    public int PendingConferenceGets { get; set; } = 1;

    /// <summary>Base of Meet links (hangoutLink); defaults to the sandbox's own Google root + "/meet", which serves a small meeting page.</summary>
    public string? MeetLinkBaseUrl { get; set; }

    /// <summary>Accounts that exist from the start (and again after a reset); empty means dr.alice, dr.bob and dr.carol @sandbox.test. Others are created when first named.</summary>
    public string[] SeedUsers { get; set; } = [];

    // Arrays default to empty because configuration binding appends to, rather than replaces, preset items.
    internal IReadOnlyList<string> EffectiveSeedUsers =>
        SeedUsers.Length > 0 ? SeedUsers : ["dr.alice@sandbox.test", "dr.bob@sandbox.test", "dr.carol@sandbox.test"];

    internal IReadOnlyList<string> EffectiveRedirectUris =>
        RedirectUris.Length > 0 ? RedirectUris : ["http://localhost:5000/google/callback", "https://localhost:5001/google/callback"];
}
