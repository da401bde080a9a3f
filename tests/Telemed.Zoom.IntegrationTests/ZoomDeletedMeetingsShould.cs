using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Zoom.IntegrationTests.Infrastructure;
using static Telemed.Zoom.IntegrationTests.Infrastructure.ZoomClinics;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>
/// A meeting deleted at Zoom behind the product's back (by the host in Zoom, or another app): noticed from Zoom's
/// <c>meeting.deleted</c> webhook or from Zoom's 404 on a later call, and replaced while the appointment is on.
/// </summary>
public sealed class ZoomDeletedMeetingsShould(ZoomHostFixture fixture) : IClassFixture<ZoomHostFixture>
{
    private TestHost Host => fixture.Host;
    private SandboxControl Sandbox => fixture.Sandbox;

    [Theory]
    [InlineData("in Zoom's web portal")]
    [InlineData("through Zoom's API")]
    public async Task ReplaceAMeetingDeletedAtZoomWhileTheAppointmentIsOn(string where)
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(1));
        await PublishAsync(Host, clinic, booked);
        var first = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");

        if (where == "in Zoom's web portal")
        {
            await Sandbox.DeleteInPortalAsync(first.ZoomId()!.Value);
        }
        else
        {
            await Sandbox.DeleteThroughApiAsync(clinic.ZoomUser, first.ZoomId()!.Value);
        }

        var replaced = await ReplacedMeetingAsync(clinic, booked.SlotKey, first);
        var atZoom = Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal(replaced.ZoomId(), atZoom.GetProperty("id").GetInt64());
        Assert.NotEqual(first.JoinUrl, replaced.JoinUrl);
        Assert.Equal(replaced.JoinUrl, (await PatientViewAsync(clinic, booked.AppointmentId))!.JoinUrl);
        var staff = await HostViewAsync(clinic, booked.AppointmentId);
        Assert.Matches($@"Meeting {first.ZoomId()} was deleted at Zoom on \d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:\d{{2}} UTC; a new meeting was created\.", staff!.Reason);
        Assert.Equal(2, await Sandbox.CountRequestsAsync(clinic.ZoomUser, "zoom.meetings.create"));
    }

    [Fact]
    public async Task IgnoreTheDeletionWebhookOfAMeetingItRemovedOnCancel()
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(1));
        await PublishAsync(Host, clinic, booked);
        var meeting = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");

        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Cancelled, Status = "cancelled" });
        await Sandbox.DeliveredDeletionAsync(meeting.ZoomId()!.Value);
        await Task.Delay(500);

        await SettledMeetingAsync(Host, clinic, booked.SlotKey, "deleted");
        Assert.Empty(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal(1, await Sandbox.CountRequestsAsync(clinic.ZoomUser, "zoom.meetings.create"));
    }

    [Fact]
    public async Task MakeNoNewMeetingForAnAppointmentThatIsOver()
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddHours(2));
        await PublishAsync(Host, clinic, booked);
        var meeting = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Completed, Status = "completed" });
        await Eventually.TrueAsync(async () => (await MeetingAsync(Host, clinic, booked.SlotKey)) is { EndRequested: true } m && m.SyncedVersion >= m.DesiredVersion,
            TimeSpan.FromSeconds(20));

        await Sandbox.DeleteInPortalAsync(meeting.ZoomId()!.Value);

        var after = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "deleted");
        Assert.Null(after.JoinUrl);
        Assert.Null(after.ZoomId());
        Assert.Equal(1, await Sandbox.CountRequestsAsync(clinic.ZoomUser, "zoom.meetings.create"));
    }

    [Fact]
    public async Task ShowThePatientAPendingLinkAndThenTheNewOneOnTheirPages()
    {
        var clinic = await CreateAsync(Host);
        var visit = await PatientVisits.ArrangeAsync(Host, clinic, TimeSpan.FromMinutes(5));
        var booked = Appointment(clinic, visit.StartUtc, appointmentId: visit.AppointmentId);
        await PublishAsync(Host, clinic, booked);
        var first = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        Assert.Equal(first.JoinUrl, (await PatientVisits.JoinOnAsync(Host, visit.ConfirmationUrl)).Href);

        await Sandbox.AddFaultAsync(new { user = clinic.ZoomUser, kind = "error", status = 503, count = 1000, operation = "zoom.meetings.create" });
        await Sandbox.DeleteInPortalAsync(first.ZoomId()!.Value);
        await Eventually.TrueAsync(async () => (await MeetingAsync(Host, clinic, booked.SlotKey))?.LastError is not null, TimeSpan.FromSeconds(20));

        foreach (var url in new[] { visit.ConfirmationUrl, visit.ManageUrl })
        {
            var pending = await PatientVisits.JoinOnAsync(Host, url);
            Assert.Null(pending.Href);
            Assert.Contains("meeting link is pending", pending.Note);
            Assert.DoesNotContain(first.JoinUrl!, pending.Html);
        }

        await Sandbox.SendAsync(HttpMethod.Delete, $"zoom/faults?user={clinic.ZoomUser}");
        await Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<IMeetingLinks>().RetryAsync(visit.AppointmentId));
        var replaced = await ReplacedMeetingAsync(clinic, booked.SlotKey, first, TimeSpan.FromSeconds(60));
        Assert.Equal(replaced.JoinUrl, (await PatientVisits.JoinOnAsync(Host, visit.ConfirmationUrl)).Href);
        Assert.Equal(replaced.JoinUrl, (await PatientVisits.JoinOnAsync(Host, visit.ManageUrl)).Href);
    }

    [Fact]
    public async Task ReplaceAMeetingThatZoomNoLongerKnowsWhenMovingIt()
    {
        var clinic = await CreateAsync(Host);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var booked = Appointment(clinic, start);
        await PublishAsync(Host, clinic, booked);
        var first = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        await Sandbox.DeleteUnannouncedAsync(clinic.ZoomUser, first.ZoomId()!.Value);

        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Rescheduled, StartUtc = start.AddHours(1), EndUtc = start.AddHours(1).AddMinutes(30) });

        var replaced = await ReplacedMeetingAsync(clinic, booked.SlotKey, first);
        var atZoom = Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal(ZoomMeetingSynchronizerFormat(start.AddHours(1)), atZoom.GetProperty("start_time").GetString());
        Assert.Contains($"Meeting {first.ZoomId()} was deleted at Zoom", (await HostViewAsync(clinic, booked.AppointmentId))!.Reason);
    }

    private static string ZoomMeetingSynchronizerFormat(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>Waits for the slot to have a created meeting other than <paramref name="first"/>, with no work left.</summary>
    private async Task<MeetingRecord> ReplacedMeetingAsync(ZoomClinic clinic, string slotKey, MeetingRecord first, TimeSpan? timeout = null)
    {
        MeetingRecord? meeting = null;
        await Eventually.TrueAsync(async () =>
        {
            meeting = await MeetingAsync(Host, clinic, slotKey);
            return meeting is { State: "created", ExternalId: { } id } && id != first.ExternalId && meeting.SyncedVersion >= meeting.DesiredVersion;
        }, timeout ?? TimeSpan.FromSeconds(30), () => $"meeting of {slotKey}: {meeting?.State} {meeting?.ZoomId()} v{meeting?.SyncedVersion}/{meeting?.DesiredVersion} {meeting?.LastError}");
        return meeting!;
    }

    private Task<MeetingInfo?> PatientViewAsync(ZoomClinic clinic, Guid appointmentId) =>
        Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<IMeetingLinks>().GetForPatientAsync(appointmentId));

    private Task<MeetingInfo?> HostViewAsync(ZoomClinic clinic, Guid appointmentId) =>
        Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<IMeetingLinks>().GetForHostAsync(appointmentId, freshStartUrl: false));
}
