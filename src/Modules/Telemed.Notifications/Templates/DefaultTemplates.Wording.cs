namespace Telemed.Notifications.Templates;

public static partial class DefaultTemplates
{
    private const string BookedIntro = "<p>Hello {{ patient.name }},</p>\n<p>Your <strong>{{ service.name }}</strong> with {{ host.name }} is booked.</p>";
    private const string BookedIntroText = "Hello {{ patient.name }},\n\nYour {{ service.name }} with {{ host.name }} is booked.";
    private const string RescheduledIntro = "<p>Hello {{ patient.name }},</p>\n<p>Your <strong>{{ service.name }}</strong> with {{ host.name }} has moved{% if appointment.previous_date != blank %} from {{ appointment.previous_date }} {{ appointment.previous_time }}{% endif %}. The new time is below.</p>";
    private const string RescheduledIntroText = "Hello {{ patient.name }},\n\nYour {{ service.name }} with {{ host.name }} has moved{% if appointment.previous_date != blank %} from {{ appointment.previous_date }} {{ appointment.previous_time }}{% endif %}. The new time is below.";
    private const string ReminderIntro = "<p>Hello {{ patient.name }},</p>\n<p>This is a reminder of your <strong>{{ service.name }}</strong> with {{ host.name }}, {{ appointment.starts_in }}.</p>";
    private const string ReminderIntroText = "Hello {{ patient.name }},\n\nThis is a reminder of your {{ service.name }} with {{ host.name }}, {{ appointment.starts_in }}.";
    private const string LinkReadyIntro = "<p>Hello {{ patient.name }},</p>\n<p>The video link for your <strong>{{ service.name }}</strong> is ready.</p>";
    private const string LinkReadyIntroText = "Hello {{ patient.name }},\n\nThe video link for your {{ service.name }} is ready.";
    private const string LinkChangedIntro = "<p>Hello {{ patient.name }},</p>\n<p>The video link for your <strong>{{ service.name }}</strong> has changed. Please use the new link below; the old one no longer works.</p>";
    private const string LinkChangedIntroText = "Hello {{ patient.name }},\n\nThe video link for your {{ service.name }} has changed. Please use the new link below; the old one no longer works.";

    private const string Details = """
        <table role="presentation">
          <tr><th align="left">When</th><td>{{ appointment.date }}, {{ appointment.time }} ({{ appointment.duration }} minutes)</td></tr>
          <tr><th align="left">With</th><td>{{ host.name }}</td></tr>
          <tr><th align="left">Where</th><td>{% if service.telemed %}Online video visit{% else %}{{ clinic.name }}{% endif %}</td></tr>
        </table>
        {% if service.telemed %}{% if meeting.join_url != blank %}<p><a href="{{ meeting.join_url }}">Join the video visit</a>{% if meeting.passcode != blank %} · passcode <strong>{{ meeting.passcode }}</strong>{% endif %}</p>
        <p>The link opens shortly before the start.</p>{% else %}<p>We will send your video link as soon as it is ready.</p>{% endif %}{% endif %}
        <p><a href="{{ appointment.manage_url }}">Reschedule or cancel</a> · <a href="{{ appointment.calendar.google_url }}">Add to Google Calendar</a> · <a href="{{ appointment.calendar.ics_url }}">Download calendar file</a></p>
        <p>{{ clinic.name }}</p>
        """;

    private const string DetailsText = """


        When: {{ appointment.date }}, {{ appointment.time }} ({{ appointment.duration }} minutes)
        With: {{ host.name }}
        Where: {% if service.telemed %}online video visit{% else %}{{ clinic.name }}{% endif %}
        {% if service.telemed %}{% if meeting.join_url != blank %}Join: {{ meeting.join_url }}{% if meeting.passcode != blank %} (passcode {{ meeting.passcode }}){% endif %}
        The link opens shortly before the start.{% else %}We will send your video link as soon as it is ready.{% endif %}{% endif %}

        Reschedule or cancel: {{ appointment.manage_url }}
        Add to your calendar: {{ appointment.calendar.ics_url }}

        {{ clinic.name }}
        """;

    private static string PatientHtml(string intro) => intro + "\n" + Details;

    private static string PatientText(string intro) => intro + DetailsText;

    private const string CancelledHtml = """
        <p>Hello {{ patient.name }},</p>
        <p>Your <strong>{{ service.name }}</strong> with {{ host.name }} on {{ appointment.date }} at {{ appointment.time }} is cancelled.</p>
        {% if appointment.cancellation_reason != blank %}<p>Reason: {{ appointment.cancellation_reason }}</p>{% endif %}
        <p>You are welcome to <a href="{{ clinic.url }}">book a new time</a>.</p>
        <p>{{ clinic.name }}</p>
        """;

    private const string CancelledText = """
        Hello {{ patient.name }},

        Your {{ service.name }} with {{ host.name }} on {{ appointment.date }} at {{ appointment.time }} is cancelled.
        {% if appointment.cancellation_reason != blank %}Reason: {{ appointment.cancellation_reason }}
        {% endif %}
        You are welcome to book a new time: {{ clinic.url }}

        {{ clinic.name }}
        """;

    private const string FollowUpHtml = """
        <p>Hello {{ patient.name }},</p>
        <p>Thank you for your {{ service.name }} with {{ host.name }}. If you need a follow-up, you can <a href="{{ clinic.url }}">book it online</a>.</p>
        <p>{{ clinic.name }}</p>
        """;

    private const string FollowUpText = """
        Hello {{ patient.name }},

        Thank you for your {{ service.name }} with {{ host.name }}. If you need a follow-up, book it online: {{ clinic.url }}

        {{ clinic.name }}
        """;

    private static string HostHtml(string intro) => """
        <p>Hello {{ host.name }},</p>
        <p>INTRO</p>
        <table role="presentation">
          <tr><th align="left">Patient</th><td>{{ patient.name }}{% if patient.email != blank %} ({{ patient.email }}){% endif %}</td></tr>
          <tr><th align="left">Service</th><td>{{ service.name }}</td></tr>
          <tr><th align="left">When</th><td>{{ appointment.date }}, {{ appointment.time }} ({{ appointment.duration }} minutes)</td></tr>
        </table>
        {% if meeting.start_url != blank %}<p><a href="{{ meeting.start_url }}">Start the session</a></p>{% endif %}
        <p><a href="{{ appointment.staff_url }}">Open the appointment</a></p>
        """.Replace("INTRO", intro, StringComparison.Ordinal);

    private static string HostText(string intro) => """
        Hello {{ host.name }},

        INTRO

        Patient: {{ patient.name }}{% if patient.email != blank %} ({{ patient.email }}){% endif %}
        Service: {{ service.name }}
        When: {{ appointment.date }}, {{ appointment.time }} ({{ appointment.duration }} minutes)
        {% if meeting.start_url != blank %}Start the session: {{ meeting.start_url }}
        {% endif %}Open the appointment: {{ appointment.staff_url }}
        """.Replace("INTRO", intro, StringComparison.Ordinal);

    private const string StaffFailedHtml = """
        <p>The {{ meeting.provider }} meeting for {{ patient.name }}'s {{ service.name }} with {{ host.name }} on {{ appointment.date }} at {{ appointment.time }} could not be created.</p>
        {% if meeting.error != blank %}<p>Last error: {{ meeting.error }}</p>{% endif %}
        <p><a href="{{ appointment.staff_url }}">Open the appointment</a> to retry, or contact the patient with another link.</p>
        """;

    private const string StaffFailedText = """
        The {{ meeting.provider }} meeting for {{ patient.name }}'s {{ service.name }} with {{ host.name }} on {{ appointment.date }} at {{ appointment.time }} could not be created.
        {% if meeting.error != blank %}Last error: {{ meeting.error }}
        {% endif %}
        Open the appointment to retry, or contact the patient with another link: {{ appointment.staff_url }}
        """;
}
