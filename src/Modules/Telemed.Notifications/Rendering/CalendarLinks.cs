using System.Globalization;
using Telemed.Core.Clinic;

namespace Telemed.Notifications.Rendering;

/// <summary>The add-to-calendar link for Google Calendar (the ICS file is behind the manage link).</summary>
public static class CalendarLinks
{
    public static string Title(AppointmentChanged appointment) => $"{appointment.ServiceName} with {appointment.HostName}";

    public static string Google(AppointmentChanged appointment, string clinicName, string manageUrl) =>
        "https://calendar.google.com/calendar/render?action=TEMPLATE"
        + $"&text={Uri.EscapeDataString($"{Title(appointment)} · {clinicName}")}"
        + $"&dates={Utc(appointment.StartUtc)}/{Utc(appointment.EndUtc)}"
        + $"&details={Uri.EscapeDataString($"Manage or cancel: {manageUrl}")}";

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
