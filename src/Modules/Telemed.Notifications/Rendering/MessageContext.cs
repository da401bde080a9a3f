using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Models;

namespace Telemed.Notifications.Rendering;

/// <summary>
/// Everything one message is rendered from: the appointment as last reported, its meeting (the start URL only for
/// host and staff messages), the clinic, and the links, which are absolute and rooted at the clinic's configured address.
/// </summary>
public sealed record MessageContext(
    Tenant Clinic,
    string ClinicUrl,
    AppointmentChanged Appointment,
    MeetingInfo? Meeting,
    string ManageUrl,
    string StaffUrl)
{
    /// <summary>A meeting failure's error, for staff messages.</summary>
    public string? MeetingError { get; init; }

    /// <summary>The zone a recipient reads times in: the patient's own when known, the host's for the host, the clinic's for staff.</summary>
    public TimeZoneInfo ZoneFor(NotificationRecipient recipient)
    {
        var id = recipient switch
        {
            NotificationRecipient.Patient => Appointment.PatientTimeZone ?? Appointment.HostTimeZone,
            NotificationRecipient.Host => Appointment.HostTimeZone,
            _ => Clinic.TimeZone,
        };
        return TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "UTC", out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
