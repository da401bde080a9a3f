using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Meetings.Planning;

namespace Telemed.Meetings.Links;

/// <summary>What patients and staff are told about an appointment's meeting, in one place.</summary>
public static class MeetingNotices
{
    public const string LinkOnItsWay = "Your video link is on its way; it will appear here shortly.";
    public const string NewLinkPending = "Your meeting link is pending: the video meeting is being set up again, and the new link will appear here shortly.";
    public const string StoredStartUrlNote = "The provider could not be reached just now, so this is the start link saved earlier; it may have expired.";

    /// <summary>For the patient of an appointment that gets no meeting here: who will send the link instead, or why there is none.</summary>
    public static string ForPatient(MeetingAppointment appointment, MeetingRecord? meeting) => appointment.ReasonCode switch
    {
        ReasonCodes.NotTelemed => "This is not a video visit.",
        ReasonCodes.MeetingCancelled => $"The clinic cancelled the video meeting: {meeting?.CancelReason ?? "no reason given"}. The clinic will tell you how the visit goes ahead.",
        _ when ReasonCodes.WaitsForHost(appointment.ReasonCode) =>
            $"{appointment.HostName} will send you the link to the video visit before it starts; it appears here if it is made through the clinic.",
        _ => "The clinic will send you the link to the video visit before it starts.",
    };

    /// <summary>For staff, when a video appointment gets no meeting because of its host.</summary>
    public static string? WarningFor(MeetingAppointment appointment) => ReasonCodes.WaitsForHost(appointment.ReasonCode)
        ? $"{appointment.Reason} The patient is told {appointment.HostName} will send the video link."
        : null;

    /// <summary>What staff are told when a meeting of the appointment was deleted at its provider; null when none was.</summary>
    public static string? Deletion(MeetingRecord? meeting, string providerName, MeetingState state) =>
        meeting is { DeletedAtProviderAt: { } at, DeletedAtProviderId: { } id } ? Deletion(id, providerName, at, state) : null;

    public static string Deletion(string externalId, string providerName, DateTimeOffset at, MeetingState state) =>
        $"Meeting {externalId} was deleted at {providerName} on {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC; " + state switch
        {
            MeetingState.Created => "a new meeting was created.",
            MeetingState.Pending => "a new meeting is being created.",
            MeetingState.Failed => "creating a new meeting failed so far (see the error).",
            _ => "no new meeting was made, as the appointment is over or cancelled.",
        };
}
