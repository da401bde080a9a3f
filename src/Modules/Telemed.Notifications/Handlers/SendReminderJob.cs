using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Data;
using Telemed.Notifications.Services;

namespace Telemed.Notifications.Handlers;

/// <summary>
/// A planned reminder's time has come: unless it was moved or dropped since, it is marked sent and <see cref="ReminderDue"/>
/// is published in the same transaction, for the clinic's workflows to send what they send.
/// </summary>
public sealed class SendReminderJob(NotificationsDb db, AppointmentStates states, EventPublisher publisher, TenantContext tenantContext) : IJobHandler
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        reminder.State = ReminderStates.Sent;
        reminder.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        await publisher.PublishAsync(new ReminderDue(appointment.AppointmentId, reminder.OffsetMinutes, reminder.DueAt, appointment.Version), tenantContext.Required.Id,
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
