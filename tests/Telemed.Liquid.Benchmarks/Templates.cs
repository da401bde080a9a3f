namespace Telemed.Liquid.Benchmarks;

/// <summary>
/// The same appointment confirmation written for both engines; they must render identical HTML.
/// Block tags sit at line ends so neither engine's whitespace rules change the text.
/// </summary>
public static class Templates
{
    public const string Liquid = """
        <h1>{{ clinic.name }}: appointment confirmed</h1>
        <p>Dear {{ patient.first_name | capitalize }} {{ patient.last_name | upcase }},</p>
        <p>Your {{ appointment.service }} with {{ host.title }} {{ host.name }} is confirmed for
        {{ appointment.start | date: '%A %-d %B %Y', appointment.time_zone }} at {{ appointment.start | date: '%H:%M', appointment.time_zone }}
        until {{ appointment.end | date: '%H:%M', appointment.time_zone }} ({{ appointment.time_zone }}).</p>
        <p>Reference: {{ appointment.reference }}. Duration: {{ appointment.duration_minutes }} minutes.</p>{% if appointment.is_telemed %}
        <h2>Joining online</h2>
        <p>Provider: {{ meeting.provider }}</p>
        <p><a href="{{ meeting.join_url }}">Join the meeting</a> with passcode {{ meeting.passcode }}</p>{% if meeting.dial_in %}
        <p>Dial in: {{ meeting.dial_in }}</p>{% endif %}{% else %}
        <p>Address: {{ clinic.address }}</p>{% endif %}
        <h2>Attendees ({{ attendees.size }})</h2>
        <ul>{% for attendee in attendees %}
          <li>{{ forloop.index }}. {{ attendee.name }} ({{ attendee.email }}){% if attendee.role == 'host' %} - your clinician{% endif %}</li>{% endfor %}
        </ul>
        <h2>Before your visit</h2>
        <ol>{% for step in instructions %}
          <li>{{ step }}</li>{% endfor %}
        </ol>
        <p>Need to change something? <a href="{{ appointment.manage_url }}">Reschedule or cancel</a> or call {{ clinic.phone }}.</p>
        <p>See you soon,<br>{{ clinic.name }}</p>
        """;

    public const string Handlebars = """
        <h1>{{Clinic.Name}}: appointment confirmed</h1>
        <p>Dear {{capitalize Patient.FirstName}} {{upcase Patient.LastName}},</p>
        <p>Your {{Appointment.Service}} with {{Host.Title}} {{Host.Name}} is confirmed for
        {{date Appointment.Start "dddd d MMMM yyyy" Appointment.TimeZone}} at {{date Appointment.Start "HH:mm" Appointment.TimeZone}}
        until {{date Appointment.End "HH:mm" Appointment.TimeZone}} ({{Appointment.TimeZone}}).</p>
        <p>Reference: {{Appointment.Reference}}. Duration: {{Appointment.DurationMinutes}} minutes.</p>{{#if Appointment.IsTelemed}}
        <h2>Joining online</h2>
        <p>Provider: {{Meeting.Provider}}</p>
        <p><a href="{{Meeting.JoinUrl}}">Join the meeting</a> with passcode {{Meeting.Passcode}}</p>{{#if Meeting.DialIn}}
        <p>Dial in: {{Meeting.DialIn}}</p>{{/if}}{{else}}
        <p>Address: {{Clinic.Address}}</p>{{/if}}
        <h2>Attendees ({{Attendees.Count}})</h2>
        <ul>{{#each Attendees}}
          <li>{{add @index 1}}. {{Name}} ({{Email}}){{#if (eq Role "host")}} - your clinician{{/if}}</li>{{/each}}
        </ul>
        <h2>Before your visit</h2>
        <ol>{{#each Instructions}}
          <li>{{this}}</li>{{/each}}
        </ol>
        <p>Need to change something? <a href="{{Appointment.ManageUrl}}">Reschedule or cancel</a> or call {{Clinic.Phone}}.</p>
        <p>See you soon,<br>{{Clinic.Name}}</p>
        """;
}
