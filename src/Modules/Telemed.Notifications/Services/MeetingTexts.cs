using Telemed.Core.Clinic;
using Telemed.Notifications.Models;
using Telemed.Notifications.Rendering;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Services;

/// <summary>
/// The meeting topic and agenda from the clinic's <c>meetingdetails.host.meeting</c> template, for the meetings module
/// (Zoom topic and agenda). Rendered without the patient's name or contact details: they are stored at the provider.
/// </summary>
public sealed class MeetingTexts(TemplateStore templates, MessageRenderer renderer, MessageContexts contexts) : IMeetingDetailsTemplates
{
    public static readonly TemplateKey Key = new(NotificationEvent.MeetingDetails, NotificationRecipient.Host, NotificationChannel.Meeting);

    public async Task<(string Topic, string Agenda)> RenderAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(Key, cancellationToken);
        var anonymous = appointment with { PatientName = appointment.Capacity > 1 ? "group session" : "patient", PatientEmail = "", PatientPhone = null };
        var rendered = renderer.Render(Key, template.Content, contexts.Sample(anonymous, null) with { ManageUrl = "", StaffUrl = "" }, cancellationToken: cancellationToken);
        return (rendered.Subject, rendered.Text);
    }
}
