using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Notifications.Models;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Handlers;

/// <summary>
/// How meeting changes were told before workflows did it (the join link once the meeting exists, a new link, staff told of
/// a failure). Only deliveries queued then, under <see cref="Kind"/>, still come here; the clinic's default workflows
/// now send these messages.
/// </summary>
public sealed class MeetingNotifier(AppointmentStates states, NotificationSender sender) : IEventSubscriber<MeetingChanged>
{
    public const string Kind = "notifications.meeting-changed";

    public async Task HandleAsync(MeetingChanged change, CancellationToken cancellationToken)
    {
        var (notification, recipient) = change.Change switch
        {
            MeetingChange.Created => (NotificationEvent.MeetingLinkReady, NotificationRecipient.Patient),
            MeetingChange.LinkChanged => (NotificationEvent.MeetingLinkChanged, NotificationRecipient.Patient),
            MeetingChange.Failed => (NotificationEvent.MeetingFailed, NotificationRecipient.Staff),
            // Cancellations and ends are told with the appointment's own messages.
            _ => ((NotificationEvent?)null, default(NotificationRecipient)),
        };
        if (notification is null)
        {
            return;
        }
        foreach (var appointmentId in change.AppointmentIds)
        {
            var appointment = await states.FindAsync(appointmentId, cancellationToken);
            if (appointment is null || appointment.Status != "confirmed" || appointment.EndUtc < DateTimeOffset.UtcNow)
            {
                continue;
            }
            await sender.SendAsync(notification.Value, appointment, [recipient], cancellationToken,
                change.Change == MeetingChange.Failed ? change.Reason : null);
        }
    }
}
