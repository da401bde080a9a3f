using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Planning;

/// <summary>What an appointment change asks of its slot's meeting.</summary>
public enum MeetingIntent
{
    /// <summary>Booked or moved: the slot needs its meeting, at the appointment's time.</summary>
    Live,

    /// <summary>Cancelled or deleted: the appointment needs no meeting any more.</summary>
    Off,

    /// <summary>Completed or no-show: a running meeting is ended.</summary>
    Ended,
}

/// <summary>Everything the planner knows about the provider an appointment would use.</summary>
public sealed record ProviderReadiness(string Id, string Name, IMeetingProvider? Provider, Unavailable? Unavailable, HostConnection? Connection)
{
    public bool Installed => Provider is not null;
}

/// <summary>Why an appointment gets no meeting: a stable code, and a sentence for staff.</summary>
public sealed record NoMeeting(string Code, string Reason);

/// <summary>
/// The planner's decisions, free of the database and the providers: which provider an appointment uses, why it may get
/// no meeting, whether a change arrived too late, and what its slot's meeting should become.
/// </summary>
public static class MeetingPlan
{
    public static MeetingIntent IntentOf(AppointmentChange change) => change switch
    {
        AppointmentChange.Booked or AppointmentChange.Rescheduled => MeetingIntent.Live,
        AppointmentChange.Completed or AppointmentChange.NoShow => MeetingIntent.Ended,
        _ => MeetingIntent.Off,
    };

    /// <summary>A retried delivery of an earlier change that arrives after a later one: the later state stands.</summary>
    public static bool IsLate(AppointmentChanged appointment, MeetingAppointment? applied) => applied is not null && appointment.Version < applied.AppliedVersion;

    /// <summary>
    /// The provider an appointment's meeting is made with: the service's own choice, or for "the host's connected provider"
    /// the installed provider the host connected most recently (then a lost connection, which says what to reconnect).
    /// </summary>
    public static string? ProviderFor(string requested, IReadOnlyCollection<HostConnection> hostConnections, IReadOnlyCollection<string> installed)
    {
        if (requested != MeetingProviders.HostsConnected)
        {
            return requested;
        }

        return hostConnections.Where(c => installed.Contains(c.Provider))
            .OrderByDescending(c => c.IsConnected)
            .ThenByDescending(c => c.ConnectedAt)
            .Select(c => c.Provider)
            .FirstOrDefault();
    }

    public static NoMeeting? WhyNoMeeting(AppointmentChanged appointment, ProviderReadiness? provider, string? cancelledByStaff)
    {
        if (!appointment.Telemed || appointment.MeetingProvider == MeetingProviders.None)
        {
            return new(ReasonCodes.NotTelemed, "This service is not a video consultation, so no video meeting is made.");
        }

        if (provider is null)
        {
            return new(ReasonCodes.HostNotConnected, $"{appointment.HostName} has not connected a video provider yet, so no meeting is made.");
        }

        if (!provider.Installed)
        {
            return new(ReasonCodes.ProviderMissing, $"{provider.Name} meetings are not set up on this platform, so no meeting is made.");
        }

        if (provider.Unavailable is { } unavailable)
        {
            return new(unavailable.Code, unavailable.Reason);
        }

        if (provider.Provider!.NeedsHostConnection && provider.Connection is null)
        {
            return new(ReasonCodes.HostNotConnected, $"{appointment.HostName} has not connected {provider.Name} yet, so no meeting is made.");
        }

        if (provider.Provider.NeedsHostConnection && !provider.Connection!.IsConnected)
        {
            return new(ReasonCodes.ConnectionLost, $"{appointment.HostName}'s {provider.Name} connection was lost; a meeting is made once they reconnect {provider.Name}.");
        }

        return cancelledByStaff is null ? null : new(ReasonCodes.MeetingCancelled, $"The video meeting was cancelled: {cancelledByStaff}");
    }

    /// <summary>A new meeting record for a slot; its passcode and marker are fixed for its whole life.</summary>
    public static MeetingRecord NewMeeting(string slotKey, string provider, string marker, string? passcode, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SlotKey = slotKey,
        Provider = provider,
        Marker = marker,
        Passcode = passcode,
        State = MeetingRecord.Pending,
        CreatedAt = now,
    };

    /// <summary>
    /// Brings a slot's meeting in line with its appointments: wanted (with the appointment's time, topic and host) while any
    /// is active, ended when the last one is over, unwanted when none is left. Raises the desired version, so the sync job
    /// knows there is work.
    /// </summary>
    public static void Reconcile(MeetingRecord meeting, bool anyActive, AppointmentChanged? appointment, string? provider, MeetingText? text, bool ended, DateTimeOffset now)
    {
        if (anyActive && appointment is not null && text is not null)
        {
            if (meeting.State == MeetingRecord.Deleted)
            {
                meeting.StartAfreshAfterRemoval();
            }

            if (meeting.ExternalId is null && provider is not null)
            {
                // A meeting that exists stays with the provider that has it; one still to be made follows the appointment's.
                meeting.Provider = provider;
            }

            meeting.HostId = appointment.HostId;
            meeting.HostName = appointment.HostName;
            meeting.Topic = text.Topic;
            meeting.Agenda = text.Agenda;
            meeting.StartUtc = appointment.StartUtc;
            meeting.DurationMinutes = Math.Max(1, (int)Math.Ceiling((appointment.EndUtc - appointment.StartUtc).TotalMinutes));
            meeting.TimeZone = appointment.HostTimeZone;
            meeting.Wanted = true;
            meeting.EndRequested = false;
            meeting.State = meeting.ExternalId is null || meeting.State != MeetingRecord.Created ? MeetingRecord.Pending : meeting.State;
        }
        else if (ended && !anyActive)
        {
            meeting.EndRequested = true;
        }
        else if (!anyActive)
        {
            meeting.Wanted = false;
        }

        meeting.DesiredVersion++;
        meeting.UpdatedAt = now;
    }
}

/// <summary>Why an appointment has no meeting. Providers may add their own (Zoom: <c>zoom_disabled</c>).</summary>
public static class ReasonCodes
{
    public const string NotTelemed = "not_telemed";
    public const string ProviderMissing = "provider_missing";
    public const string HostNotConnected = "host_not_connected";
    public const string ConnectionLost = "connection_lost";
    public const string MeetingCancelled = "meeting_cancelled";

    /// <summary>Reasons that go away once the host connects (or reconnects) a provider.</summary>
    public static bool WaitsForHost(string? code) => code is HostNotConnected or ConnectionLost;
}
