using Telemed.Core.Clinic;

namespace Telemed.Meetings.Providers;

/// <summary>
/// A video provider (Zoom, Google Meet, ...), implemented by the provider's module. Meetings decides what should
/// exist and when; the provider only talks to its service. Calls throw <see cref="MeetingProviderException"/>,
/// whose flags (transient, gone, connection lost, daily limit, Retry-After) drive the sync job's retries.
/// </summary>
public interface IMeetingProvider
{
    /// <summary>The id services name it by (<c>zoom</c>).</summary>
    string Id { get; }

    string Name { get; }

    /// <summary>True when each host connects an account of their own first (OAuth, see <see cref="IOAuthConnector"/>).</summary>
    bool NeedsHostConnection { get; }

    /// <summary>
    /// Whether the provider tells us (webhooks) when a meeting is deleted on its side. When it does not, the meetings
    /// module looks the meeting up before its start (<c>meetings.verify</c>) and replaces it when it is gone.
    /// </summary>
    bool ReportsDeletions => true;

    /// <summary>The host's button: "Start session" where the host has a start link of their own, or the provider's words.</summary>
    string HostActionLabel => "Start session";

    /// <summary>Why the clinic cannot have meetings from it now (turned off in its settings), or null.</summary>
    Task<Unavailable?> WhyUnavailableAsync(CancellationToken cancellationToken);

    /// <summary>Topic and agenda for an appointment's meeting; the agenda carries <paramref name="marker"/> so the meeting can be found again.</summary>
    Task<MeetingText> DescribeAsync(AppointmentChanged appointment, string clinicName, string marker, CancellationToken cancellationToken);

    /// <summary>A passcode for a new meeting, or null when the clinic wants none (or the provider makes its own).</summary>
    Task<string?> NewPasscodeAsync(CancellationToken cancellationToken);

    Task<ProviderMeeting> CreateAsync(ProviderAccess access, MeetingSpec meeting, CancellationToken cancellationToken);

    Task UpdateAsync(ProviderAccess access, string externalId, MeetingSpec meeting, CancellationToken cancellationToken);

    /// <summary>Removes it (ending it first if it is running). Already gone counts as done.</summary>
    Task DeleteAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken);

    /// <summary>The meeting as the provider has it now, with a fresh start link; throws with <see cref="MeetingProviderException.IsGone"/> when it is not there.</summary>
    Task<ProviderMeeting> GetAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken);

    /// <summary>A meeting an earlier create made although its answer never arrived, recognised by its marker.</summary>
    Task<ProviderMeeting?> FindByMarkerAsync(ProviderAccess access, string marker, CancellationToken cancellationToken);

    /// <summary>Ends it if it is running.</summary>
    Task EndAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken);
}

/// <summary>Why a provider makes no meetings for this clinic: a code for pages and tests, and words for staff.</summary>
public sealed record Unavailable(string Code, string Reason);

public sealed record MeetingText(string Topic, string Agenda);

/// <summary>
/// What the meeting should be. <see cref="Marker"/> is unique to the clinic and slot (a provider may derive its own id
/// from it); <see cref="Attendees"/> are the slot's confirmed patients, for providers that invite them.
/// </summary>
public sealed record MeetingSpec(string Topic, string Agenda, DateTimeOffset StartUtc, int DurationMinutes, string TimeZone, string? Passcode)
{
    public string Marker { get; init; } = "";

    public IReadOnlyList<MeetingAttendee> Attendees { get; init; } = [];
}

public sealed record MeetingAttendee(string Name, string? Email);

/// <summary>A meeting as the provider reports it. <see cref="Status"/> is the provider's word for live state ("started").</summary>
public sealed record ProviderMeeting(string ExternalId, string? JoinUrl, string? StartUrl, string? Passcode, string? Status = null)
{
    public bool IsRunning => Status == "started";
}

/// <summary>The host's grant for one provider call: its bearer token, renewed single-flight when the provider refuses it.</summary>
public interface IAccessToken
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>A token other than <paramref name="rejected"/>: another caller's fresh one, or a new refresh.</summary>
    Task<string> RenewTokenAsync(string rejected, CancellationToken cancellationToken);
}

/// <summary>What a provider call acts with: the host, and their connection's token when the provider needs one.</summary>
public sealed record ProviderAccess(Guid HostId, IAccessToken? Token)
{
    public IAccessToken RequiredToken => Token ?? throw new HostConnectionLostException("The host has no connection to this provider.");
}
