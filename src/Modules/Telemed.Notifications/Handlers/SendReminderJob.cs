using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Jobs;
using Telemed.Notifications.Data;
using Telemed.Notifications.Models;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Handlers;

/// <summary>Sends one planned reminder, unless it was moved or dropped since it was planned.</summary>
public sealed class SendReminderJob(NotificationsDb db, AppointmentStates states, NotificationSender sender) : IJobHandler
{
    public const string Kind = "notifications.reminder";

    public sealed record Payload(Guid ReminderId);

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var id = JsonSerializer.Deserialize<Payload>(job.PayloadJson)!.ReminderId;
        var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reminder is not { State: ReminderStates.Scheduled })
        {
            return;
        }
        var appointment = await states.FindAsync(reminder.AppointmentId, cancellationToken);
        if (appointment is null || appointment.Status != "confirmed" || !ReminderPlanner.SameInstant(appointment.StartUtc.AddMinutes(-reminder.OffsetMinutes), reminder.DueAt))
        {
            reminder.State = ReminderStates.Dropped;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await sender.SendAsync(NotificationEvent.Reminder, appointment, [NotificationRecipient.Patient, NotificationRecipient.Host], cancellationToken);
        reminder.State = ReminderStates.Sent;
        reminder.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }
}
