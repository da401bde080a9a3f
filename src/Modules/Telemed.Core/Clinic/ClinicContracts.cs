namespace Telemed.Core.Clinic;

/// <summary>A host (doctor or staff member) as other modules see one.</summary>
public sealed record HostSummary(Guid Id, Guid? UserId, string DisplayName, string TimeZone);

/// <summary>The clinic's hosts; provided by the booking module.</summary>
public interface IHostDirectory
{
    Task<HostSummary?> FindAsync(Guid hostId, CancellationToken cancellationToken = default);
    Task<HostSummary?> FindByUserAsync(Guid userId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<HostSummary>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>The state of an appointment's video meeting, as pages show it.</summary>
public enum MeetingState
{
    /// <summary>No meeting will be made; <see cref="MeetingInfo.Reason"/> says why.</summary>
    NotApplicable,
    Pending,
    Created,
    Failed,
    Deleted,
}

/// <summary>
/// An appointment's meeting. <see cref="StartUrl"/> is filled only when asked for by host-facing
/// code; patient-facing pages never receive it. <see cref="StartLink"/> is a path in the clinic's
/// site that fetches a fresh start URL from the provider at the moment it is clicked (start URLs go
/// stale), for the Start session button.
/// </summary>
public sealed record MeetingInfo(
    string Provider,
    MeetingState State,
    string? JoinUrl,
    string? Passcode,
    string? StartUrl,
    string? Reason,
    int Attempts,
    string? LastError,
    string? StartLink = null);

/// <summary>Meeting links for appointments; provided by the meeting provider modules (Zoom, Google Meet).</summary>
public interface IMeetingLinks
{
    string Provider { get; }

    /// <summary>The meeting for an appointment as a patient may see it (no start URL).</summary>
    Task<MeetingInfo?> GetForPatientAsync(Guid appointmentId, CancellationToken cancellationToken = default);

    /// <summary>The meeting for the host and admins, with a start URL fetched fresh from the provider when possible.</summary>
    Task<MeetingInfo?> GetForHostAsync(Guid appointmentId, bool freshStartUrl, CancellationToken cancellationToken = default);

    /// <summary>Asks for the meeting to be made again (admin "retry").</summary>
    Task<bool> RetryAsync(Guid appointmentId, CancellationToken cancellationToken = default);
}
