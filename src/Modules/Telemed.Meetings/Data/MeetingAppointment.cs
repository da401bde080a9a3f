using Telemed.Core.Data;

namespace Telemed.Meetings.Data;

/// <summary>An appointment as Meetings knows it: its slot and provider, its time window, its patient, and why it has no meeting if so.</summary>
public sealed class MeetingAppointment : ITenantOwned
{
    public Guid AppointmentId { get; set; }
    public Guid TenantId { get; set; }
    public string SlotKey { get; set; } = "";

    /// <summary>The provider the meeting is made with (the host's own one resolved), or what the service asked for when none is made.</summary>
    public string Provider { get; set; } = "";
    public Guid HostId { get; set; }
    public Guid? HostUserId { get; set; }
    public string HostName { get; set; } = "";
    public string PatientName { get; set; } = "";
    public string PatientEmail { get; set; } = "";
    public DateTimeOffset StartUtc { get; set; }
    public DateTimeOffset EndUtc { get; set; }
    public bool Active { get; set; }
    public string? Reason { get; set; }
    public string? ReasonCode { get; set; }

    /// <summary>The last event, kept so the appointment can be planned again when its host connects a provider later.</summary>
    public string LastEvent { get; set; } = "{}";

    /// <summary>The appointment version of <see cref="LastEvent"/>: an older event delivered late is ignored.</summary>
    public int AppliedVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
