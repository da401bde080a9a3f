using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Notifications.Models;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Handlers;

/// <summary>
/// The built-in wiring until workflows drive it: booked, rescheduled, cancelled and completed appointments message the
/// patient and the host, and reminders follow the appointment. An event older than the one applied changes nothing.
/// </summary>
public sealed class AppointmentNotifier(AppointmentStates states, NotificationSender sender, ReminderPlanner reminders) : IEventSubscriber<AppointmentChanged>
{
    public const string Kind = "notifications.appointment-changed";

    private static readonly NotificationRecipient[] PatientAndHost = [NotificationRecipient.Patient, NotificationRecipient.Host];

    public async Task HandleAsync(AppointmentChanged domainEvent, CancellationToken cancellationToken)
    {
        if (!await states.IsNewAsync(domainEvent, cancellationToken))
        {
            return;
        }
        NotificationEvent? notification = domainEvent.Change switch
        {
            AppointmentChange.Booked => NotificationEvent.Booked,
            AppointmentChange.Rescheduled => NotificationEvent.Rescheduled,
            AppointmentChange.Cancelled => NotificationEvent.Cancelled,
            AppointmentChange.Completed => NotificationEvent.Completed,
            _ => null,
        };
        await states.ApplyAsync(domainEvent, cancellationToken);
        await reminders.PlanAsync(domainEvent, cancellationToken);
        if (notification is { } e)
        {
            await sender.SendAsync(e, domainEvent, e == NotificationEvent.Completed ? [NotificationRecipient.Patient] : PatientAndHost, cancellationToken);
        }
    }
}
