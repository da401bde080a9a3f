using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Telemed.Core.Clinic;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Data;
using Telemed.Notifications.Handlers;

namespace Telemed.Notifications.Services;

/// <summary>
/// Plans an appointment's reminders at the clinic's offsets before its start, each a scheduled job. When the appointment
/// moves, reminders for the old time are marked moved and new ones planned; when it is cancelled (or ends otherwise) they
/// are dropped. A job whose reminder is no longer scheduled does nothing.
/// </summary>
public sealed class ReminderPlanner(NotificationsDb db, NotificationSettingsStore settings, IJobQueue queue, TenantContext tenantContext, TimeProvider clock)
{
    /// <summary>PostgreSQL keeps microseconds, .NET ticks: instants are the same reminder time within a second.</summary>
    public static bool SameInstant(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < TimeSpan.FromSeconds(1);

    public async Task PlanAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        // The reminder rows and their jobs commit together, so a retried event never finds a reminder without its job.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var scheduled = await db.Reminders.Where(r => r.AppointmentId == appointment.AppointmentId && r.State == ReminderStates.Scheduled).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (appointment.Status != "confirmed")
        {
            foreach (var reminder in scheduled)
            {
                reminder.State = ReminderStates.Dropped;
                reminder.UpdatedAt = now;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var offsets = (await settings.GetAsync(cancellationToken)).ReminderOffsets;
        var planned = new List<PlannedReminder>();
        foreach (var reminder in scheduled)
        {
            var stillRight = offsets.Contains(reminder.OffsetMinutes) && SameInstant(reminder.DueAt, appointment.StartUtc.AddMinutes(-reminder.OffsetMinutes));
            reminder.State = stillRight ? ReminderStates.Scheduled : ReminderStates.Moved;
            reminder.Version = stillRight ? appointment.Version : reminder.Version;
            reminder.UpdatedAt = now;
        }
        foreach (var offset in offsets)
        {
            var due = appointment.StartUtc.AddMinutes(-offset);
            if (due <= now || scheduled.Any(r => r.State == ReminderStates.Scheduled && r.OffsetMinutes == offset))
            {
                continue;
            }
            var reminder = new PlannedReminder { AppointmentId = appointment.AppointmentId, OffsetMinutes = offset, DueAt = due, Version = appointment.Version };
            db.Reminders.Add(reminder);
            planned.Add(reminder);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var reminder in planned)
        {
            await queue.EnqueueAsync(new JobRequest(SendReminderJob.Kind, JsonSerializer.Serialize(new SendReminderJob.Payload(reminder.Id)))
            {
                TenantId = tenantContext.Required.Id,
                RunAt = reminder.DueAt,
                UniqueKey = $"reminder:{reminder.Id}",
            }, db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
