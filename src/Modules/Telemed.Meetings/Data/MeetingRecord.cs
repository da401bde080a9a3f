using Telemed.Core.Data;

namespace Telemed.Meetings.Data;

/// <summary>
/// The video meeting of one slot (an appointment, or every appointment of a group slot) at one provider. The desired
/// fields (wanted, start, duration, topic) are written by the planner; the sync job makes the provider match them and
/// records what it applied, so it can always tell what is left to do.
/// </summary>
public sealed class MeetingRecord : ITenantOwned
{
    public const string Pending = "pending";
    public const string Created = "created";
    public const string Failed = "failed";
    public const string Deleted = "deleted";
    public const string Ended = "ended";

    public static readonly IReadOnlyList<string> States = [Pending, Created, Failed, Deleted, Ended];

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string SlotKey { get; set; } = "";
    public string Provider { get; set; } = "";
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

    /// <summary>Carried in the agenda, so a create whose answer was lost can be found at the provider and adopted.</summary>
    public string Marker { get; set; } = "";

    /// <summary>The provider's id of the meeting (Zoom's number, as text).</summary>
    public string? ExternalId { get; set; }
    public string? JoinUrl { get; set; }
    public string? ProtectedStartUrl { get; set; }
    public DateTimeOffset? AppliedStartUtc { get; set; }
    public int? AppliedDurationMinutes { get; set; }
    public string? AppliedTopic { get; set; }

    /// <summary>Set before a create is sent: from then on the outcome may be unknown, so a retry looks before it creates.</summary>
    public DateTimeOffset? CreateRequestedAt { get; set; }
    public string State { get; set; } = Pending;

    /// <summary>"started" or "ended", as the provider's webhooks report it.</summary>
    public string? LiveStatus { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Why staff cancelled the meeting; the patient is told. A cancelled meeting is not made again by later changes.</summary>
    public string? CancelReason { get; set; }

    /// <summary>
    /// When a meeting of this slot was found deleted at the provider (not by us), and which one; shown to staff. A report
    /// sets them first: while <see cref="ExternalId"/> still equals <see cref="DeletedAtProviderId"/> the meeting is dead
    /// and waits for the sync job to forget and replace it.
    /// </summary>
    public DateTimeOffset? DeletedAtProviderAt { get; set; }
    public string? DeletedAtProviderId { get; set; }
    public int DesiredVersion { get; set; } = 1;
    public int SyncedVersion { get; set; }

    /// <summary>What the last <c>MeetingChanged</c> said, so each change is published once; its count orders them.</summary>
    public string? PublishedState { get; set; }
    public string? PublishedJoinUrl { get; set; }
    public int EventVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Reported deleted at the provider and not yet replaced: its link is dead.</summary>
    public bool IsDeadAtProvider => ExternalId is not null && ExternalId == DeletedAtProviderId;

    /// <summary>
    /// Forgets a meeting the provider no longer has (deleted there by the host or another app). With <paramref name="replace"/>
    /// the slot waits for a new one (pending, never the dead link); otherwise nothing more is made for it.
    /// </summary>
    public void ForgetDeletedAtProvider(DateTimeOffset at, bool replace)
    {
        DeletedAtProviderAt = at;
        DeletedAtProviderId = ExternalId ?? DeletedAtProviderId;
        ForgetProviderMeeting();
        Wanted = replace;
        State = replace ? Pending : Deleted;
    }

    /// <summary>
    /// Wanted again after it was removed: the slot gets a new meeting, never the removed one back (its id, links and what was
    /// applied to it are forgotten, so the sync job makes one).
    /// </summary>
    public void StartAfreshAfterRemoval()
    {
        ForgetProviderMeeting();
        State = Pending;
    }

    /// <summary>Nothing of the provider's meeting is kept: its id, links, live status and what was applied to it.</summary>
    private void ForgetProviderMeeting()
    {
        ExternalId = null;
        JoinUrl = null;
        ProtectedStartUrl = null;
        CreateRequestedAt = null;
        LiveStatus = null;
        AppliedStartUtc = null;
        AppliedDurationMinutes = null;
        AppliedTopic = null;
    }

    /// <summary>Nothing is left at the provider: no links to offer.</summary>
    public void MarkDeleted()
    {
        State = Deleted;
        ProtectedStartUrl = null;
        JoinUrl = null;
    }
}
