using Telemed.Core.Data;

namespace Telemed.GoogleMeet.Data;

/// <summary>A clinic's Google Meet settings: on/off, which OAuth client, whether patients are invited and who Google e-mails.</summary>
public sealed class GoogleMeetSettings : ITenantOwned
{
    public Guid TenantId { get; set; }
    public bool Enabled { get; set; } = true;
    public bool UseOwnApp { get; set; }
    public string? ClientId { get; set; }
    public string? ProtectedClientSecret { get; set; }

    /// <summary>Put the patients on the event as attendees, so it shows in their own Google Calendar.</summary>
    public bool InvitePatients { get; set; }

    /// <summary>Google's <c>sendUpdates</c>: whether Google mails attendees itself (the clinic's own messages go out either way).</summary>
    public string SendUpdates { get; set; } = GoogleSendUpdates.None;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The values of Google's <c>sendUpdates</c> parameter.</summary>
public static class GoogleSendUpdates
{
    public const string None = "none";
    public const string ExternalOnly = "externalOnly";
    public const string All = "all";

    public static readonly IReadOnlyList<string> Values = [None, ExternalOnly, All];
}
