using System.Text.RegularExpressions;

namespace Telemed.Notifications.Templates;

/// <summary>
/// The <c>{token}</c> shortcodes of the booking plugins clinics migrate from (KiviCare, Booknetic) and of the
/// old Zoom topic field, translated to the Liquid they mean. Text already in <c>{{ }}</c> or <c>{% %}</c> is left alone.
/// </summary>
public static partial class LegacyShortcodes
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["telemed_join_url"] = "{{ meeting.join_url }}",
        ["zoom_meeting_url"] = "{{ meeting.join_url }}",
        ["zoom_meeting_host_url"] = "{{ meeting.start_url }}",
        ["zoom_meeting_password"] = "{{ meeting.passcode }}",
        ["meet_link"] = "{{ meeting.join_url }}",
        ["appointment_date"] = "{{ appointment.date }}",
        ["appointment_time"] = "{{ appointment.time }}",
        ["patient_name"] = "{{ patient.name }}",
        ["doctor_name"] = "{{ host.name }}",
        ["service_name"] = "{{ service.name }}",
        ["clinic_name"] = "{{ clinic.name }}",
        // The old Zoom topic and agenda tokens.
        ["service"] = "{{ service.name }}",
        ["host"] = "{{ host.name }}",
        ["patient"] = "{{ patient.name }}",
        ["clinic"] = "{{ clinic.name }}",
        ["start"] = "{{ appointment.date }} {{ appointment.time }}",
        ["date"] = "{{ appointment.date }}",
        ["time"] = "{{ appointment.time }}",
        ["duration"] = "{{ appointment.duration }}",
        ["timezone"] = "{{ appointment.time_zone }}",
    };

    /// <summary>The shortcodes whose Liquid is the host's start link: refused in patient templates like the Liquid itself.</summary>
    public static bool IsHostOnly(string shortcode) => string.Equals(shortcode, "zoom_meeting_host_url", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Liquid a template becomes; <paramref name="found"/> lists the shortcodes replaced.</summary>
    public static string Translate(string source, out IReadOnlyList<string> found)
    {
        var replaced = new List<string>();
        var result = Shortcode().Replace(source, match =>
        {
            if (!Map.TryGetValue(match.Groups[1].Value, out var liquid))
            {
                return match.Value;
            }
            replaced.Add(match.Groups[1].Value.ToLowerInvariant());
            return liquid;
        });
        found = replaced;
        return result;
    }

    public static string Translate(string source) => Translate(source, out _);

    // A single-brace token: not the inside of {{ }} or {% %}.
    [GeneratedRegex(@"(?<![{%])\{([a-z_]+)\}(?!\})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shortcode();
}
