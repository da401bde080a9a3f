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
