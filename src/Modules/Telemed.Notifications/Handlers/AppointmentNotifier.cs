using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Handlers;

/// <summary>
/// Keeps this module's copy of each appointment (for previews, reminders and the outbox) and plans its reminders at the
/// clinic's offsets. What is sent when is the clinic's workflows' choice. An event older than the one applied changes nothing.
/// </summary>
public sealed class AppointmentNotifier(AppointmentStates states, ReminderPlanner reminders) : IEventSubscriber<AppointmentChanged>
{
    public const string Kind = "notifications.appointment-changed";

    public async Task HandleAsync(AppointmentChanged domainEvent, CancellationToken cancellationToken)
    {
        if (!await states.IsNewAsync(domainEvent, cancellationToken))
        {
            return;
        }
        await states.ApplyAsync(domainEvent, cancellationToken);
        await reminders.PlanAsync(domainEvent, cancellationToken);
    }
}
