using Telemed.Notifications.Models;
using E = Telemed.Notifications.Models.NotificationEvent;
using R = Telemed.Notifications.Models.NotificationRecipient;
using C = Telemed.Notifications.Models.NotificationChannel;

namespace Telemed.Notifications.Templates;

/// <summary>
/// The wording a clinic starts with (seeded by the recipe's <c>templates</c> step, restored by "reset to default").
/// Patient texts carry no start link; the meeting agenda carries no patient name (it is stored at the video provider).
/// </summary>
public static partial class DefaultTemplates
{
    private static readonly Dictionary<TemplateKey, TemplateContent> All = Build();

    /// <summary>Every template slot the product knows, in menu order.</summary>
    public static IReadOnlyList<TemplateKey> Keys { get; } = [.. All.Keys];

    public static TemplateContent For(TemplateKey key) => All.TryGetValue(key, out var content) ? content : TemplateContent.Empty;

    public static bool Exists(TemplateKey key) => All.ContainsKey(key);

    private static Dictionary<TemplateKey, TemplateContent> Build()
    {
        var all = new Dictionary<TemplateKey, TemplateContent>();
        void Email(E e, R r, string subject, string html, string text) => all[new(e, r, C.Email)] = new(subject, html, text, "");
        void Sms(E e, R r, string sms) => all[new(e, r, C.Sms)] = new("", "", "", sms);

        Email(E.Booked, R.Patient, "Your appointment on {{ appointment.date }} is booked", PatientHtml(BookedIntro), PatientText(BookedIntroText));
        Sms(E.Booked, R.Patient, "{{ clinic.name }}: {{ service.name }} with {{ host.name }} booked for {{ appointment.date }} {{ appointment.time }}. Manage: {{ appointment.manage_url }} Reply STOP to opt out.");
        Email(E.Rescheduled, R.Patient, "Your appointment moved to {{ appointment.date }} at {{ appointment.time }}", PatientHtml(RescheduledIntro), PatientText(RescheduledIntroText));
        Sms(E.Rescheduled, R.Patient, "{{ clinic.name }}: your {{ service.name }} moved to {{ appointment.date }} {{ appointment.time }}. Manage: {{ appointment.manage_url }}");
        Email(E.Cancelled, R.Patient, "Your appointment on {{ appointment.date }} is cancelled", CancelledHtml, CancelledText);
        Sms(E.Cancelled, R.Patient, "{{ clinic.name }}: your {{ service.name }} on {{ appointment.date }} {{ appointment.time }} is cancelled.{% if appointment.cancellation_reason != blank %} Reason: {{ appointment.cancellation_reason }}{% endif %}");
        Email(E.Reminder, R.Patient, "Reminder: {{ service.name }} {{ appointment.starts_in }}", PatientHtml(ReminderIntro), PatientText(ReminderIntroText));
        Sms(E.Reminder, R.Patient, "Reminder from {{ clinic.name }}: {{ service.name }} {{ appointment.date }} {{ appointment.time }}.{% if meeting.join_url != blank %} Join: {{ meeting.join_url }}{% endif %}");
        Email(E.MeetingLinkReady, R.Patient, "Your video link for {{ appointment.date }}", PatientHtml(LinkReadyIntro), PatientText(LinkReadyIntroText));
        Sms(E.MeetingLinkReady, R.Patient, "{{ clinic.name }}: your video link for {{ appointment.date }} {{ appointment.time }}: {{ meeting.join_url }}{% if meeting.passcode != blank %} (passcode {{ meeting.passcode }}){% endif %}");
        Email(E.MeetingLinkChanged, R.Patient, "New video link for {{ appointment.date }}", PatientHtml(LinkChangedIntro), PatientText(LinkChangedIntroText));
        Sms(E.MeetingLinkChanged, R.Patient, "{{ clinic.name }}: your video link changed. New link: {{ meeting.join_url }}{% if meeting.passcode != blank %} (passcode {{ meeting.passcode }}){% endif %}");
        Email(E.Completed, R.Patient, "Thank you for your visit to {{ clinic.name }}", FollowUpHtml, FollowUpText);

        Email(E.Booked, R.Host, "New booking: {{ patient.name }}, {{ appointment.date }} {{ appointment.time }}", HostHtml("A new appointment was booked with you."), HostText("A new appointment was booked with you."));
        Email(E.Rescheduled, R.Host, "Moved: {{ patient.name }} is now {{ appointment.date }} {{ appointment.time }}", HostHtml("An appointment with you has moved."), HostText("An appointment with you has moved."));
        Email(E.Cancelled, R.Host, "Cancelled: {{ patient.name }}, {{ appointment.date }} {{ appointment.time }}", HostHtml("An appointment with you was cancelled.{% if appointment.cancellation_reason != blank %} Reason: {{ appointment.cancellation_reason }}{% endif %}"), HostText("An appointment with you was cancelled.{% if appointment.cancellation_reason != blank %} Reason: {{ appointment.cancellation_reason }}{% endif %}"));
        Email(E.Reminder, R.Host, "Coming up: {{ patient.name }} {{ appointment.starts_in }}", HostHtml("Your next appointment is coming up."), HostText("Your next appointment is coming up."));
        Email(E.MeetingFailed, R.Staff, "Video meeting could not be created: {{ appointment.date }} {{ appointment.time }}", StaffFailedHtml, StaffFailedText);

        all[new(E.MeetingDetails, R.Host, C.Meeting)] = new("{{ service.name }} with {{ host.name }}", "",
            "{{ service.name }} at {{ clinic.name }}, {{ appointment.duration }} minutes, {{ appointment.date }} {{ appointment.time }}.", "");
        return all;
    }
}
