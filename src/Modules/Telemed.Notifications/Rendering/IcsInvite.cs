using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Telemed.Core.Clinic;

namespace Telemed.Notifications.Rendering;

/// <summary>
/// The calendar invite attached to appointment e-mails: one UID per appointment for its whole life, SEQUENCE = the
/// appointment's version (so a reschedule replaces the entry), METHOD:CANCEL on cancellation, the join link as LOCATION and URL.
/// </summary>
public static class IcsInvite
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string Uid(Guid appointmentId) => $"{appointmentId:N}@telemed-booking";

    public static string MethodFor(AppointmentChanged appointment) => appointment.Change == AppointmentChange.Cancelled || appointment.Status == "cancelled" ? Cancel : Request;

    public static string Write(AppointmentChanged appointment, string clinicName, string organizerEmail, string attendeeEmail,
        string? joinUrl, string manageUrl, DateTimeOffset stamp)
    {
        var method = MethodFor(appointment);
        var calendar = new Calendar { Method = method, ProductId = "-//TelemedSaaS//Notifications//EN" };
        var location = string.IsNullOrEmpty(joinUrl) ? (appointment.Telemed ? "Online video visit" : clinicName) : joinUrl;
        var entry = new CalendarEvent
        {
            Uid = Uid(appointment.AppointmentId),
            Sequence = Math.Max(0, appointment.Version),
            DtStamp = new CalDateTime(stamp.UtcDateTime),
            DtStart = new CalDateTime(appointment.StartUtc.UtcDateTime),
            DtEnd = new CalDateTime(appointment.EndUtc.UtcDateTime),
            Summary = $"{CalendarLinks.Title(appointment)} · {clinicName}",
            Description = (string.IsNullOrEmpty(joinUrl) ? "" : $"Join: {joinUrl}\n") + $"Manage or cancel: {manageUrl}",
            Location = location,
            Url = new Uri(string.IsNullOrEmpty(joinUrl) ? manageUrl : joinUrl),
            Status = method == Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = clinicName },
        };
        entry.Attendees.Add(new Attendee($"mailto:{attendeeEmail}") { Rsvp = false, ParticipationStatus = "ACCEPTED" });
        calendar.Events.Add(entry);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
