using System.Globalization;
using System.Text;
using Telemed.Booking.Models;

namespace Telemed.Booking.Services;

/// <summary>Add-to-calendar: an iCalendar file (same UID across changes, SEQUENCE = version) and a Google Calendar link.</summary>
public static class CalendarLinks
{
    public static string Ics(Appointment appointment, string title, string clinicName, string manageUrl)
    {
        var cancelled = appointment.Status == AppointmentStatus.Cancelled;
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\n")
            .Append("VERSION:2.0\r\n")
            .Append("PRODID:-//TelemedSaaS//Booking//EN\r\n")
            .Append("CALSCALE:GREGORIAN\r\n")
            .Append(cancelled ? "METHOD:CANCEL\r\n" : "METHOD:PUBLISH\r\n")
            .Append("BEGIN:VEVENT\r\n")
            .Append($"UID:{appointment.Id:N}@telemed-booking\r\n")
            .Append($"SEQUENCE:{appointment.Version}\r\n")
            .Append($"DTSTAMP:{Utc(appointment.UpdatedAt)}\r\n")
            .Append($"DTSTART:{Utc(appointment.StartUtc)}\r\n")
            .Append($"DTEND:{Utc(appointment.EndUtc)}\r\n")
            .Append(Fold($"SUMMARY:{Escape($"{title} · {clinicName}")}"))
            .Append(Fold($"DESCRIPTION:{Escape($"Manage or cancel: {manageUrl}")}"))
            .Append(Fold($"URL:{manageUrl}"))
            .Append(cancelled ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n")
            .Append("END:VEVENT\r\n")
            .Append("END:VCALENDAR\r\n");
        return text.ToString();
    }

    public static string GoogleUrl(Appointment appointment, string title, string clinicName, string manageUrl) =>
        "https://calendar.google.com/calendar/render?action=TEMPLATE"
        + $"&text={Uri.EscapeDataString($"{title} · {clinicName}")}"
        + $"&dates={Utc(appointment.StartUtc)}/{Utc(appointment.EndUtc)}"
        + $"&details={Uri.EscapeDataString($"Manage or cancel: {manageUrl}")}";

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    // Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1).
    private static string Fold(string line)
    {
        var result = new StringBuilder();
        var bytes = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > 75)
            {
                result.Append("\r\n ");
                bytes = 1;
            }
            result.Append(rune.ToString());
            bytes += size;
        }
        return result.Append("\r\n").ToString();
    }
}
