using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Notifications.Models;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Handlers;

/// <summary>
/// Tells people what the meetings module reports: the join link once the meeting exists (it is made after the
/// booking, so the confirmation may not have had it), a new link when the meeting was replaced, and the clinic's
/// staff when a meeting could not be made. Each booked appointment of a group slot gets its own message.
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
