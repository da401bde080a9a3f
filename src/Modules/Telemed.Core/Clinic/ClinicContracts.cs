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
    Ended,
}

/// <summary>
/// An appointment's meeting. <see cref="StartUrl"/> is filled only when asked for by host-facing code; patient-facing
/// pages never receive it. <see cref="StartLink"/> is a path in the clinic's site that fetches a fresh start URL from
/// the provider at the moment it is clicked (start URLs go stale), for the Start session button. The Join and Start
/// windows are the meetings module's rule, carried here so every page applies the same one.
/// </summary>
public sealed record MeetingInfo
{
    public required string Provider { get; init; }
    public required string ProviderName { get; init; }
    public required MeetingState State { get; init; }
    public string? JoinUrl { get; init; }
    public string? Passcode { get; init; }
    public string? StartUrl { get; init; }

    /// <summary>Why there is no meeting, or what happened to it, in words for the audience asked for.</summary>
    public string? Reason { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public string? StartLink { get; init; }

    /// <summary>The host's button, in the provider's words ("Start session"; "Join as host" for Google Meet).</summary>
    public string StartLabel { get; init; } = "Start session";

    /// <summary>For staff: the video visit gets no meeting because of its host (no connection, or a lost one).</summary>
    public string? Warning { get; init; }

    public DateTimeOffset? JoinOpensAt { get; init; }
    public DateTimeOffset? StartOpensAt { get; init; }
    public DateTimeOffset? ClosesAt { get; init; }

    public bool CanJoinAt(DateTimeOffset now) => State == MeetingState.Created && JoinUrl is not null && now >= JoinOpensAt && now < ClosesAt;

    public bool CanStartAt(DateTimeOffset now) =>
        State == MeetingState.Created && (StartLink ?? StartUrl) is not null && now >= StartOpensAt && now < ClosesAt;
}

/// <summary>Appointments' video meetings for pages; provided by the meetings module, whatever the provider.</summary>
public interface IMeetingLinks
{
    /// <summary>The meeting for an appointment as a patient may see it (no start URL, no internal errors).</summary>
    Task<MeetingInfo?> GetForPatientAsync(Guid appointmentId, CancellationToken cancellationToken = default);

    /// <summary>The meeting for the host and admins, with a start URL fetched fresh from the provider when asked.</summary>
    Task<MeetingInfo?> GetForHostAsync(Guid appointmentId, bool freshStartUrl, CancellationToken cancellationToken = default);

    /// <summary>Asks for the meeting to be made again (admin "retry").</summary>
    Task<bool> RetryAsync(Guid appointmentId, CancellationToken cancellationToken = default);

    /// <summary>Staff warnings for the appointments among these whose video meeting cannot be made because of their host.</summary>
    Task<IReadOnlyDictionary<Guid, string>> WarningsAsync(IReadOnlyCollection<Guid> appointmentIds, CancellationToken cancellationToken = default);

    /// <summary>The meeting state of many appointments at once (the staff calendar); appointments without a meeting record are left out.</summary>
    Task<IReadOnlyDictionary<Guid, MeetingState>> StatesAsync(IReadOnlyCollection<Guid> appointmentIds, CancellationToken cancellationToken = default);
}

/// <summary>
/// A meeting's topic and agenda from the clinic's templates (the notifications module), so every provider names its
/// meetings the way the clinic wrote. Rendered without the patient's name or contact: they are stored at the provider.
/// </summary>
public interface IMeetingDetailsTemplates
{
    Task<(string Topic, string Agenda)> RenderAsync(AppointmentChanged appointment, CancellationToken cancellationToken);
}

/// <summary>How patients reach the clinic; either may be missing.</summary>
public sealed record ClinicContactDetails(string? Phone, string? Email)
{
    /// <summary>The phone as a <c>tel:</c> address: digits and a leading +, nothing else.</summary>
    public string? PhoneLink => Phone is null ? null : "tel:" + (Phone.TrimStart().StartsWith('+') ? "+" : "") + string.Concat(Phone.Where(char.IsAsciiDigit));
}

/// <summary>The clinic's contact details for patient pages and messages; provided by the tenants module.</summary>
public interface IClinicContact
{
    Task<ClinicContactDetails> GetAsync(CancellationToken cancellationToken = default);
}
