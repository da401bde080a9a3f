using Telemed.Core.Clinic;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Models;
using Telemed.Notifications.Rendering;
using Telemed.Notifications.Templates;

namespace Telemed.Notifications.Services;

/// <summary>
/// The meeting topic and agenda from the clinic's <c>meetingdetails.host.meeting</c> template, for the meetings module
/// (Zoom topic and agenda). Rendered without the patient's name or contact details: they are stored at the provider.
/// It builds its context itself, without the meeting: providers ask for it while making the meeting, so going through
/// <see cref="MessageContexts"/> (which looks meetings up) would make the two modules' services depend on each other.
/// </summary>
public sealed class MeetingTexts(TemplateStore templates, MessageRenderer renderer, TenantContext tenantContext, PublicUrls urls) : IMeetingDetailsTemplates
{
    public static readonly TemplateKey Key = new(NotificationEvent.MeetingDetails, NotificationRecipient.Host, NotificationChannel.Meeting);

    public async Task<(string Topic, string Agenda)> RenderAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(Key, cancellationToken);
        var anonymous = appointment with { PatientName = appointment.Capacity > 1 ? "group session" : "patient", PatientEmail = "", PatientPhone = null };
        var rendered = renderer.Render(Key, template.Content, new MessageContext(tenantContext.Required, urls.ForTenant(tenantContext.Required), anonymous, null, "", ""), cancellationToken: cancellationToken);
        return (rendered.Subject, rendered.Text);
    }
}
