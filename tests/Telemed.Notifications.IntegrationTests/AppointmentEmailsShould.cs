using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Notifications.Data;

namespace Telemed.Notifications.IntegrationTests;

/// <summary>Appointment e-mails go over a real SMTP exchange with an ICS invite that follows the appointment.</summary>
public sealed class AppointmentEmailsShould(NotificationHostFixture fixture) : IClassFixture<NotificationHostFixture>
{
    [Fact]
    public async Task SendAnInviteWhoseUidStaysAndSequenceGrowsUntilItIsCancelled()
    {
        var clinic = await fixture.ClinicAsync();
        var id = Guid.NewGuid();
        var email = $"pat-{id:N}@patient.test";
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(5).AddHours(15), TimeSpan.Zero);

        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Booked, start, 1, email: email));
        var booked = await MailAsync(email, 1);
        var moved = start.AddDays(1);
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Rescheduled, moved, 2, email: email, previous: start));
        var rescheduled = await MailAsync(email, 2);
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Cancelled, moved, 3, email: email, status: "cancelled", reason: "Doctor unwell"));
        var cancelled = await MailAsync(email, 3);

        var first = Invite(booked);
        Assert.Equal("REQUEST", first.Method);
        var entry = Assert.Single(first.Events);
        Assert.Equal($"{id:N}@telemed-booking", entry.Uid);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(start.UtcDateTime, entry.DtStart!.AsUtc);
        Assert.True(entry.DtStart.IsUtc);
        Assert.Equal(start.AddMinutes(30).UtcDateTime, entry.DtEnd!.AsUtc);

        var second = Assert.Single(Invite(rescheduled).Events);
        Assert.Equal(entry.Uid, second.Uid);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(moved.UtcDateTime, second.DtStart!.AsUtc);

        var third = Invite(cancelled);
        Assert.Equal("CANCEL", third.Method);
        Assert.Equal(entry.Uid, third.Events.Single().Uid);
        Assert.Equal(3, third.Events.Single().Sequence);
        Assert.Contains("Doctor unwell", cancelled.TextBody);

        // Both parts, in the patient's zone (New York) with its abbreviation, and links rooted at the clinic's configured address.
        Assert.NotNull(booked.HtmlBody);
        Assert.True(booked.TextBody.Contains("10:00 EST"), booked.TextBody);
        Assert.Contains($"/c/{clinic.Slug}/book/manage/", booked.TextBody);
        Assert.Equal("clinic@notify.test", booked.From.Mailboxes.Single().Address);
        Assert.Equal(clinic.Name, booked.From.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task EncodeMarkupTypedIntoPatientFields()
    {
        var clinic = await fixture.ClinicAsync();
        var id = Guid.NewGuid();
        var email = $"evil-{id:N}@patient.test";
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(3), 1,
            patientName: "<script>alert(1)</script><img src=x onerror=alert(2)>", email: email));

        var mail = await MailAsync(email, 1);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("<img src=x", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody);
        Assert.Contains("<script>alert(1)</script>", mail.TextBody); // the text part is plain text: shown as typed, never run
    }

    [Fact]
    public async Task IgnoreAnEventOlderThanTheOneApplied()
    {
        var clinic = await fixture.ClinicAsync();
        var id = Guid.NewGuid();
        var email = $"late-{id:N}@patient.test";
        var start = DateTimeOffset.UtcNow.AddDays(4);
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Rescheduled, start, 3, email: email));
        await MailAsync(email, 1);
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Booked, start.AddDays(-1), 1, email: email));
        await Task.Delay(1500);
        Assert.Single(fixture.Smtp.To(email));
        var messages = await fixture.Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().SearchAsync(new MessageSearch(email)));
        Assert.Single(messages);
        Assert.Equal("sent", messages[0].Status);
        Assert.Equal(1, messages[0].Attempts);
    }

    private async Task<MimeMessage> MailAsync(string to, int count)
    {
        await Waiting.UntilAsync(() => fixture.Smtp.To(to).Count() >= count, $"{count} e-mails to {to} at the test's SMTP server");
        return fixture.Smtp.To(to).ElementAt(count - 1);
    }

    private static Calendar Invite(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        part.Content.DecodeTo(stream);
        return Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
    }
}
