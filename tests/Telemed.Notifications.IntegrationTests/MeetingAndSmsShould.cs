using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Messaging;

namespace Telemed.Notifications.IntegrationTests;

public sealed class MeetingAndSmsShould(NotificationHostFixture fixture) : IClassFixture<NotificationHostFixture>
{
    [Fact]
    public async Task TellStaffWhenTheMeetingFailsAndThePatientWhenTheLinkIsReady()
    {
        var clinic = await fixture.ClinicAsync();
        var id = Guid.NewGuid();
        var email = $"video-{id:N}@patient.test";
        await fixture.PublishAsync(clinic, NotificationHostFixture.Appointment(id, AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(2), 1, email: email));
        await Waiting.UntilAsync(() => fixture.Smtp.To(email).Any(), "the booking e-mail");

        var publisher = fixture.Host.GetRequiredService<EventPublisher>();
        var meeting = Guid.NewGuid();
        MeetingChanged Change(MeetingChange change, MeetingState state, string? joinUrl, string? reason, int version) => new(
            meeting, $"slot-{id:N}", [id], "zoom", change, state, Guid.NewGuid(), "Dr Test", DateTimeOffset.UtcNow.AddDays(2), joinUrl,
            joinUrl is null ? null : "482913", reason, version);
        await publisher.PublishAsync(Change(MeetingChange.Failed, MeetingState.Failed, null, "Zoom answered 503", 1), clinic.Id);
        await publisher.PublishAsync(Change(MeetingChange.Created, MeetingState.Created, "https://zoom.test/j/123", null, 2), clinic.Id);
        // Ends and deletions are told by the appointment's own messages, not a second time here.
        await publisher.PublishAsync(Change(MeetingChange.Ended, MeetingState.Ended, null, null, 3), clinic.Id);

        var admin = $"admin@{clinic.Slug}.test";
        await Waiting.UntilAsync(() => fixture.Smtp.To(admin).Any(), "the staff alert");
        var alert = fixture.Smtp.To(admin).Single();
        Assert.StartsWith("Video meeting could not be created", alert.Subject);
        Assert.Contains("Zoom answered 503", alert.TextBody);
        Assert.Contains($"/c/{clinic.Slug}/admin/appointments/{id}", alert.TextBody);
        await Waiting.UntilAsync(() => fixture.Smtp.To(email).Count() == 2, "the link-ready e-mail");
        Assert.StartsWith("Your video link for", fixture.Smtp.To(email).Last().Subject);
    }

    [Fact]
    public async Task TextThePatientAndHonourStop()
    {
        var clinic = await fixture.ClinicAsync();
        var phone = "+4477009" + Random.Shared.Next(10000, 99999);
        var first = NotificationHostFixture.Appointment(Guid.NewGuid(), AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(2), 1) with { PatientPhone = phone };
        await fixture.PublishAsync(clinic, first);
        var sent = await SmsAsync(clinic, phone, m => m.Status == "sent");
        Assert.Contains("Reply STOP", sent.Body);
        Assert.StartsWith("200", sent.ProviderAnswer);

        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/c/{clinic.Slug}/notifications/sms/inbound") { Content = JsonContent.Create(new { from = phone, text = "stop" }) };
        request.Headers.Add("X-Sms-Key", NotificationsStartup.SandboxInboundKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/c/{clinic.Slug}/notifications/sms/inbound") { Content = JsonContent.Create(new { from = phone, text = "start" }) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);

        var second = NotificationHostFixture.Appointment(Guid.NewGuid(), AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(3), 1) with { PatientPhone = phone };
        await fixture.PublishAsync(clinic, second);
        var refused = await SmsAsync(clinic, phone, m => m.Status == "opted-out");
        Assert.Equal(second.AppointmentId, refused.AppointmentId);
    }

    private Task<LoggedMessage> SmsAsync(Telemed.Core.Tenancy.Tenant clinic, string phone, Func<LoggedMessage, bool> wanted) =>
        Waiting.ForAsync(async () => (await fixture.Host.InTenantAsync(clinic, s => s.GetRequiredService<MessageLog>().SearchAsync(new MessageSearch(phone, "sms")))).FirstOrDefault(wanted)!,
            m => m is not null, m => "no such message yet", $"a text message to {phone}");
}
