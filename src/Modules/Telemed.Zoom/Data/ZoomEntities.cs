using Telemed.Core.Data;

namespace Telemed.Zoom.Data;

/// <summary>A clinic's Zoom settings: on/off, which OAuth app, and the defaults every meeting gets.</summary>
public sealed class ZoomClinicSettings : ITenantOwned
{
    public const string DefaultTopic = "{service} with {host}";
    public const string DefaultAgenda = "Video consultation for {patient} on {start}.";

    public Guid TenantId { get; set; }
    public bool Enabled { get; set; } = true;
    public bool UseOwnApp { get; set; }
    public string? ClientId { get; set; }
    public string? ProtectedClientSecret { get; set; }
    public string? ProtectedWebhookSecret { get; set; }
    public bool RandomPasscode { get; set; } = true;
    public bool WaitingRoom { get; set; } = true;
    public bool HostVideo { get; set; } = true;
    public bool ParticipantVideo { get; set; } = true;
    public bool MuteUponEntry { get; set; }
    public bool JoinBeforeHost { get; set; }
    public string TopicTemplate { get; set; } = DefaultTopic;
    public string AgendaTemplate { get; set; } = DefaultAgenda;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A host's Zoom connection. Tokens are encrypted with Data Protection; a lost connection keeps no tokens.</summary>
public sealed class ZoomConnection : ITenantOwned
{
    public const string Connected = "connected";
    public const string Lost = "lost";

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid HostId { get; set; }

    /// <summary>The OAuth app that issued the tokens (the platform's or the clinic's own).</summary>
    public string ClientId { get; set; } = "";
    public string ZoomUserId { get; set; } = "";
    public string ZoomAccountId { get; set; } = "";
    public string ZoomEmail { get; set; } = "";
    public string? ProtectedAccessToken { get; set; }
    public string? ProtectedRefreshToken { get; set; }
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }
    public string Scopes { get; set; } = "";
    public string Status { get; set; } = Connected;
    public string? LostReason { get; set; }
    public Guid? ConnectedByUserId { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsConnected => Status == Connected && ProtectedRefreshToken is not null;
}

/// <summary>A started "Connect Zoom": single use, short-lived, bound to the user who started it.</summary>
public sealed class ZoomOAuthState : ITenantOwned
{
    public string Id { get; set; } = "";
    public Guid TenantId { get; set; }
    public Guid HostId { get; set; }
    public Guid UserId { get; set; }
    public string ProtectedCodeVerifier { get; set; } = "";
    public string RedirectUri { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// The Zoom meeting of one slot (an appointment, or every appointment of a group slot). The desired fields
/// (wanted, start, duration, topic) are written by the appointment subscriber; the sync job makes Zoom match
/// them and records what it applied, so it can always tell what is left to do.
/// </summary>
public sealed class ZoomMeetingRecord : ITenantOwned
{
    public const string Pending = "pending";
    public const string Created = "created";
    public const string Failed = "failed";
    public const string Deleted = "deleted";

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string SlotKey { get; set; } = "";
    public Guid HostId { get; set; }
    public string HostName { get; set; } = "";
    public bool Wanted { get; set; }
    public bool EndRequested { get; set; }
    public string Topic { get; set; } = "";
    public string Agenda { get; set; } = "";
    public DateTimeOffset StartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public string? Passcode { get; set; }

    /// <summary>Carried in the agenda, so a create whose answer was lost can be found at Zoom and adopted.</summary>
    public string Marker { get; set; } = "";
    public long? ZoomMeetingId { get; set; }
    public string? JoinUrl { get; set; }
    public string? ProtectedStartUrl { get; set; }
    public DateTimeOffset? AppliedStartUtc { get; set; }
    public int? AppliedDurationMinutes { get; set; }
    public string? AppliedTopic { get; set; }

    /// <summary>Set before a create is sent: from then on the outcome may be unknown, so a retry looks before it creates.</summary>
    public DateTimeOffset? CreateRequestedAt { get; set; }
    public string State { get; set; } = Pending;

    /// <summary>"started" or "ended", as Zoom's webhooks report it.</summary>
    public string? LiveStatus { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// When a meeting of this slot was found deleted at Zoom (not by us), and which one; shown to staff. A report sets
    /// them first: while <see cref="ZoomMeetingId"/> still equals <see cref="ZoomDeletedMeetingId"/> the meeting is dead
    /// and waits for the sync job to forget and replace it.
    /// </summary>
    public DateTimeOffset? ZoomDeletedAt { get; set; }
    public long? ZoomDeletedMeetingId { get; set; }
    public int DesiredVersion { get; set; } = 1;
    public int SyncedVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Forgets a meeting Zoom no longer has (deleted there by the host or another app). With <paramref name="replace"/>
    /// the slot waits for a new one (pending, never the dead link); otherwise nothing more is made for it.
    /// </summary>
    public void ForgetDeletedAtZoom(DateTimeOffset at, bool replace)
    {
        ZoomDeletedAt = at;
        ZoomDeletedMeetingId = ZoomMeetingId ?? ZoomDeletedMeetingId;
        ZoomMeetingId = null;
        JoinUrl = null;
        ProtectedStartUrl = null;
        CreateRequestedAt = null;
        LiveStatus = null;
        AppliedStartUtc = null;
        AppliedDurationMinutes = null;
        AppliedTopic = null;
        Wanted = replace;
        State = replace ? Pending : Deleted;
    }
}

/// <summary>An appointment as the Zoom module knows it: its slot, its time window, and why it has no meeting if so.</summary>
public sealed class ZoomAppointment : ITenantOwned
{
    public Guid AppointmentId { get; set; }
    public Guid TenantId { get; set; }
    public string SlotKey { get; set; } = "";
    public Guid HostId { get; set; }
    public Guid? HostUserId { get; set; }
    public DateTimeOffset StartUtc { get; set; }
    public DateTimeOffset EndUtc { get; set; }
    public bool Active { get; set; }
    public string? Reason { get; set; }
    public string? ReasonCode { get; set; }

    /// <summary>The last event, kept so the appointment can be planned again when its host connects Zoom later.</summary>
    public string LastEvent { get; set; } = "{}";

    /// <summary>The appointment version of <see cref="LastEvent"/>: an older event delivered late is ignored.</summary>
    public int AppliedVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
