using Telemed.Booking.Services;
using Telemed.Core.Clinic;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Models;
using Telemed.Notifications.Rendering;

namespace Telemed.Notifications.Services;

/// <summary>
/// Builds the <see cref="MessageContext"/> of an appointment for a recipient: links rooted at the clinic's configured
/// address, and the meeting from its provider module — the start URL only for host and staff messages.
/// </summary>
public sealed class MessageContexts(TenantContext tenantContext, PublicUrls urls, ManageLinks manageLinks, IEnumerable<IMeetingLinks> meetings)
{
    public async Task<MessageContext> ForAsync(AppointmentChanged appointment, NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        var clinic = tenantContext.Required;
        // One meetings module answers for every provider; without it (or for an in-person visit) there is no meeting.
        var provider = appointment.Telemed ? meetings.FirstOrDefault() : null;
        MeetingInfo? meeting = null;
        if (provider is not null)
        {
            meeting = recipient == NotificationRecipient.Patient
                ? await provider.GetForPatientAsync(appointment.AppointmentId, cancellationToken)
                : await provider.GetForHostAsync(appointment.AppointmentId, freshStartUrl: false, cancellationToken);
            if (recipient == NotificationRecipient.Patient && meeting is not null)
            {
                meeting = meeting with { StartUrl = null, StartLink = null };
            }
        }
        return Sample(appointment, meeting);
    }

    /// <summary>A context with a given meeting (previews and tests).</summary>
    public MessageContext Sample(AppointmentChanged appointment, MeetingInfo? meeting)
    {
        var clinic = tenantContext.Required;
        return new MessageContext(clinic, urls.ForTenant(clinic), appointment, meeting,
            manageLinks.AbsoluteUrl(appointment.AppointmentId), urls.ForTenant(clinic, $"/admin/appointments/{appointment.AppointmentId}"));
    }
}
