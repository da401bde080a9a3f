using System.Text.Json.Serialization;

namespace Telemed.Core.Clinic;

/// <summary>What happened to an appointment.</summary>
public enum AppointmentChange
{
    Booked,
    Rescheduled,
    Cancelled,
    Completed,
    NoShow,
    Deleted,
}

/// <summary>
/// Published (through the job queue) by the booking module whenever an appointment changes. It
/// carries everything a consumer (meetings, notifications, workflows) needs, so no consumer reads
/// the booking module's tables. Times are UTC instants; <see cref="HostTimeZone"/> is IANA.
/// Jobs can deliver events out of order (a retry runs after a later change): <see cref="Version"/> is the
/// appointment's version after the change, and a consumer ignores one older than what it has applied.
/// </summary>
public sealed record AppointmentChanged(
    Guid AppointmentId,
    AppointmentChange Change,
    string Status,
    Guid ServiceId,
    string ServiceName,
    bool Telemed,
    /// <summary>The id the service chose (<see cref="MeetingProviders"/>): a provider module's, the host's own, or none.</summary>
    [property: JsonConverter(typeof(MeetingProviderIdJsonConverter))] string MeetingProvider,
    int Capacity,
    Guid HostId,
    Guid? HostUserId,
    string HostName,
    string HostTimeZone,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string PatientName,
    string PatientEmail,
    string? PatientPhone,
    string? PatientTimeZone,
    string? CancellationReason,
    /// <summary>Group appointments in one slot share this key (and one meeting); for individual ones it is the appointment id.</summary>
    string SlotKey,
    DateTimeOffset? PreviousStartUtc = null,
    int Version = 0);

/// <summary>
/// Published by notifications when one of the clinic's reminder times before an appointment has come (the clinic's
/// reminder offsets), for workflows to send what the clinic wants sent.
/// </summary>
public sealed record ReminderDue(Guid AppointmentId, int OffsetMinutes, DateTimeOffset DueAt, int Version);
