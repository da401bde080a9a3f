using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Telemed.Core.Clinic;

namespace Telemed.Zoom.Services;

/// <summary>
/// Topic, agenda, passcode and marker of a meeting. Templates take plain tokens for now: {service}, {host},
/// {patient}, {clinic}, {start}, {date}, {time}, {duration}, {timezone}; times are in the host's zone.
/// </summary>
public static class ZoomMeetingText
{
    public const int TopicLimit = 200;
    public const int AgendaLimit = 2000;
    private const string PasscodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    public static readonly IReadOnlyList<string> Tokens = ["{service}", "{host}", "{patient}", "{clinic}", "{start}", "{date}", "{time}", "{duration}", "{timezone}"];

    public static string Render(string template, AppointmentChanged appointment, string clinicName)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(appointment.HostTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(appointment.StartUtc, zone);
        var culture = CultureInfo.InvariantCulture;
        var values = new Dictionary<string, string>
        {
            ["{service}"] = appointment.ServiceName,
            ["{host}"] = appointment.HostName,
            ["{patient}"] = appointment.Capacity > 1 ? "group session" : appointment.PatientName,
            ["{clinic}"] = clinicName,
            ["{start}"] = local.ToString("ddd d MMM yyyy HH:mm", culture) + $" ({zone.Id})",
            ["{date}"] = local.ToString("ddd d MMM yyyy", culture),
            ["{time}"] = local.ToString("HH:mm", culture),
            ["{duration}"] = ((int)(appointment.EndUtc - appointment.StartUtc).TotalMinutes).ToString(culture),
            ["{timezone}"] = zone.Id,
        };
        var text = new StringBuilder(template);
        foreach (var (token, value) in values)
        {
            text.Replace(token, value);
        }

        return text.ToString().Trim();
    }

    /// <summary>
    /// Topic and agenda within Zoom's limits; the agenda ends with the meeting's marker, which must survive any
    /// template length. An empty topic would be refused by Zoom.
    /// </summary>
    public static Meetings.Providers.MeetingText Fit(string topic, string agenda, string marker) => new(
        Limit(string.IsNullOrWhiteSpace(topic) ? "Video consultation" : topic.Trim(), TopicLimit),
        (Limit(agenda.Trim(), AgendaLimit - marker.Length - 2) + "\n\n" + marker).TrimStart());

    /// <summary>Eight letters and digits (no look-alikes), within Zoom's 10-character passcode limit.</summary>
    public static string NewPasscode() => RandomNumberGenerator.GetString(PasscodeAlphabet, 8);

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
