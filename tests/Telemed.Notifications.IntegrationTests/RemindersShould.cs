using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Notifications.Data;

namespace Telemed.Notifications.IntegrationTests;

public sealed class RemindersShould(NotificationHostFixture fixture) : IClassFixture<NotificationHostFixture>
{
    [Fact]
    public async Task MoveWithTheAppointmentAndBeDroppedWhenItIsCancelled()
    {
        var clinic = await fixture.ClinicAsync();
        var id = Guid.NewGuid();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(6).AddHours(10), TimeSpan.Zero);
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Booked, start, 1));
        var planned = await RemindersAsync(clinic, id, r => r.Count == 2);
        Assert.Equal([start.AddHours(-24), start.AddHours(-1)], planned.OrderBy(r => r.DueAt).Select(r => r.DueAt));
        Assert.All(planned, r => Assert.Equal(ReminderStates.Scheduled, r.State));

        var moved = start.AddDays(2);
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Rescheduled, moved, 2, previous: start));
        var afterMove = await RemindersAsync(clinic, id, r => r.Count == 4);
        Assert.Equal([start.AddHours(-24), start.AddHours(-1)], afterMove.Where(r => r.State == ReminderStates.Moved).OrderBy(r => r.DueAt).Select(r => r.DueAt));
        Assert.Equal([moved.AddHours(-24), moved.AddHours(-1)], afterMove.Where(r => r.State == ReminderStates.Scheduled).OrderBy(r => r.DueAt).Select(r => r.DueAt));

        // A late copy of the booking (version 1) does not bring the old reminders back.
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Booked, start, 1));
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Cancelled, moved, 3, status: "cancelled"));
        var afterCancel = await RemindersAsync(clinic, id, r => r.All(x => x.State != ReminderStates.Scheduled));
        Assert.Equal(4, afterCancel.Count);
        Assert.Equal(2, afterCancel.Count(r => r.State == ReminderStates.Dropped));
    }

    [Fact]
    public async Task SendTheReminderWhenItIsDue()
    {
        var clinic = await fixture.ClinicAsync();
        var id = Guid.NewGuid();
        var email = $"soon-{id:N}@patient.test";
        // 61 minutes ahead: the 1-hour reminder is due in a minute; the 24-hour one has passed and is not planned.
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Booked, DateTimeOffset.UtcNow.AddMinutes(60).AddSeconds(3), 1, email: email));
        var planned = await RemindersAsync(clinic, id, r => r.Count == 1);
        Assert.Equal(60, planned.Single().OffsetMinutes);
        await Waiting.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject.StartsWith("Reminder:")), "the reminder e-mail");
        await RemindersAsync(clinic, id, r => r.Single().State == ReminderStates.Sent);
    }

    private Task<List<PlannedReminder>> RemindersAsync(Telemed.Core.Tenancy.Tenant clinic, Guid id, Func<List<PlannedReminder>, bool> done) =>
        Waiting.ForAsync(() => fixture.Host.InTenantAsync(clinic, s => s.GetRequiredService<NotificationsDb>().Reminders.AsNoTracking().Where(r => r.AppointmentId == id).ToListAsync()),
            done, r => string.Join(", ", r.Select(x => $"{x.OffsetMinutes}min {x.DueAt:u} {x.State}")), "the appointment's reminders");
}
