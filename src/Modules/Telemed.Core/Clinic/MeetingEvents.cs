namespace Telemed.Core.Clinic;

/// <summary>What happened to a slot's video meeting.</summary>
public enum MeetingChange
{
    Created,

    /// <summary>The join link is new (the meeting was replaced, say after it was deleted at the provider).</summary>
    LinkChanged,
    Failed,
    Deleted,
    Ended,
}

/// <summary>
/// Published (through the job queue, in the transaction of the change) by the meetings module whenever a slot's
/// meeting changes in a way people are told about, so notifications and workflows can send a link that arrives after
/// the booking. Never carries the host's start link. <see cref="Version"/> counts the meeting's events: a consumer
/// ignores one older than what it has seen.
/// </summary>
public sealed record MeetingChanged(
    Guid MeetingId,
    string SlotKey,
    IReadOnlyList<Guid> AppointmentIds,
    string Provider,
    MeetingChange Change,
    MeetingState State,
    Guid HostId,
    string HostName,
    DateTimeOffset StartUtc,
    string? JoinUrl,
    string? Passcode,
    /// <summary>Why it was cancelled (told to the patient) or failed; null otherwise.</summary>
    string? Reason,
    int Version);

/// <summary>Published by meetings when a provider stops honouring a host's connection, so staff can be told.</summary>
public sealed record HostConnectionLost(Guid ConnectionId, Guid HostId, string HostName, string Provider, string ProviderName, string Reason, DateTimeOffset LostAt);
