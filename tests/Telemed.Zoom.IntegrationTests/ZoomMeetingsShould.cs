using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Zoom.IntegrationTests.Infrastructure;
using Telemed.Zoom.Services;
using static Telemed.Zoom.IntegrationTests.Infrastructure.ZoomClinics;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>Meetings at the sandbox following appointments through the job queue, over real HTTP, faults included.</summary>
public sealed class ZoomMeetingsShould(ZoomHostFixture fixture) : IClassFixture<ZoomHostFixture>
{
    private TestHost Host => fixture.Host;
    private SandboxControl Sandbox => fixture.Sandbox;

    [Fact]
    public async Task CreateMoveAndRemoveTheMeetingAsTheAppointmentIsBookedRescheduledAndCancelled()
    {
        var clinic = await CreateAsync(Host);
        var start = new DateTimeOffset(2031, 3, 10, 14, 30, 0, TimeSpan.Zero);
        var booked = Appointment(clinic, start, minutes: 30);

        await PublishAsync(Host, clinic, booked);
        var created = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        var atZoom = Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal(created.ZoomId(), atZoom.GetProperty("id").GetInt64());
        Assert.Equal("2031-03-10T14:30:00Z", atZoom.GetProperty("start_time").GetString());
        Assert.Equal(30, atZoom.GetProperty("duration").GetInt32());
        Assert.Equal("Europe/London", atZoom.GetProperty("timezone").GetString());
        Assert.Equal("Video consultation with Dr Test Host", atZoom.GetProperty("topic").GetString());
        Assert.Contains(created.Marker, atZoom.GetProperty("agenda").GetString());
        Assert.Equal(created.Passcode, atZoom.GetProperty("password").GetString());
        Assert.Equal(8, created.Passcode!.Length);
        Assert.True(atZoom.GetProperty("settings").GetProperty("waiting_room").GetBoolean());

        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Rescheduled, StartUtc = start.AddDays(1), EndUtc = start.AddDays(1).AddMinutes(45) });
        await Eventually.TrueAsync(async () => (await Sandbox.LiveMeetingsAsync(clinic.ZoomUser)).Single().GetProperty("duration").GetInt32() == 45, Waiting.Generous);
        var moved = Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal("2031-03-11T14:30:00Z", moved.GetProperty("start_time").GetString());
        Assert.Equal(created.ZoomId(), moved.GetProperty("id").GetInt64());

        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Cancelled, Status = "cancelled" });
        var deleted = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "deleted");
        Assert.Empty(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Null(deleted.ProtectedStartUrl);
    }

    [Fact]
    public async Task NameTheMeetingFromTheClinicsTemplateAndSendThePatientTheJoinLinkOnceItExists()
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(3), patient: "Priya Confidential") with { PatientEmail = $"p-{Guid.NewGuid():N}@example.org" };

        await PublishAsync(Host, clinic, booked);
        var created = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        var atZoom = Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal("Video consultation with Dr Test Host", atZoom.GetProperty("topic").GetString());
        // Health data stays out of Zoom: neither the patient's name nor their address is in the meeting.
        Assert.DoesNotContain("Priya", atZoom.GetRawText());
        Assert.DoesNotContain(booked.PatientEmail, atZoom.GetRawText());

        var linkReady = await Waiting.ForAsync(() => Host.InTenantAsync(clinic.Tenant, async services =>
            (await services.GetRequiredService<MessageLog>().SearchAsync(new MessageSearch(booked.PatientEmail, "email")))
                .FirstOrDefault(m => m.Template == "meetinglinkready.patient.email")), m => m is not null, _ => "not logged yet", "the link-ready e-mail");
        Assert.Contains(created.JoinUrl!, linkReady!.Body);
        Assert.Contains(created.Passcode!, linkReady.Body);
        Assert.DoesNotContain(atZoom.GetProperty("start_url").GetString()!, linkReady.Body + linkReady.HtmlBody);
    }

    [Fact]
    public async Task ShareOneMeetingAmongTheAppointmentsOfAGroupSlot()
    {
        var clinic = await CreateAsync(Host);
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var slot = $"group-{Guid.NewGuid():N}";
        var patients = Enumerable.Range(1, 4).Select(i => Appointment(clinic, start, slotKey: slot, capacity: 6, patient: $"Patient {i}")).ToArray();

        await PublishAsync(Host, clinic, patients);
        await Eventually.TrueAsync(async () => await InClinicAsync(Host, clinic, db => db.Appointments.CountAsync(a => a.SlotKey == slot && a.Active)) == 4, Waiting.Generous);
        var meeting = await SettledMeetingAsync(Host, clinic, slot, "created");

        Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        var joinUrls = await Task.WhenAll(patients.Select(p => PatientViewAsync(clinic, p.AppointmentId)));
        Assert.All(joinUrls, info => Assert.Equal(meeting.JoinUrl, info!.JoinUrl));

        await PublishAsync(Host, clinic, patients[0] with { Change = AppointmentChange.Cancelled });
        await Eventually.TrueAsync(async () => await InClinicAsync(Host, clinic, db => db.Appointments.CountAsync(a => a.SlotKey == slot && a.Active)) == 3, Waiting.Generous);
        await SettledMeetingAsync(Host, clinic, slot, "created");
        Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));

        await PublishAsync(Host, clinic, patients.Skip(1).Select(p => p with { Change = AppointmentChange.Cancelled }).ToArray());
        await SettledMeetingAsync(Host, clinic, slot, "deleted");
        Assert.Empty(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
    }

    [Theory]
    [InlineData("error", 503, false)]
    [InlineData("error", 500, false)]
    [InlineData("rate_limit", 429, false)]
    [InlineData("rate_limit", 429, true)]
    public async Task RetryZoomFailuresUntilTheMeetingExistsOnce(string kind, int status, bool omitRetryAfter)
    {
        var clinic = await CreateAsync(Host);
        await Sandbox.AddFaultAsync(new { user = clinic.ZoomUser, kind, status, count = 3, retry_after_seconds = 1, omit_retry_after = omitRetryAfter, operation = "zoom.meetings.create" });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));

        await PublishAsync(Host, clinic, booked);

        var meeting = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal(4, meeting.Attempts);
        Assert.Null(meeting.LastError);
    }

    [Fact]
    public async Task AdoptTheMeetingOfACreateThatTimedOutInsteadOfMakingASecond()
    {
        var clinic = await CreateAsync(Host);
        // Zoom makes the meeting but answers after the product's one-second limit.
        await Sandbox.AddFaultAsync(new { user = clinic.ZoomUser, kind = "delayed_response", delay_ms = 2500, count = 1, operation = "zoom.meetings.create" });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));

        await PublishAsync(Host, clinic, booked);

        var meeting = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        var atZoom = Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal(atZoom.GetProperty("id").GetInt64(), meeting.ZoomId());
        Assert.Equal(1, await Sandbox.CountRequestsAsync(clinic.ZoomUser, "zoom.meetings.create"));
        Assert.NotNull(meeting.ProtectedStartUrl);
    }

    [Fact]
    public async Task ReportTheHostWhoReachedZoomsDailyLimitAndWaitForMidnight()
    {
        var clinic = await CreateAsync(Host);
        await Sandbox.SendAsync(HttpMethod.Put, $"zoom/accounts/{clinic.ZoomUser}/settings", new { daily_meeting_request_limit = 1 });
        var first = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));
        var second = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(3));

        await PublishAsync(Host, clinic, first);
        await SettledMeetingAsync(Host, clinic, first.SlotKey, "created");
        await PublishAsync(Host, clinic, second);

        await Eventually.TrueAsync(async () => (await MeetingAsync(Host, clinic, second.SlotKey))?.State == "failed", Waiting.Generous);
        var failed = await MeetingAsync(Host, clinic, second.SlotKey);
        Assert.Contains("Dr Test Host reached Zoom's daily limit", failed!.LastError);
        var nextMidnight = DateTime.UtcNow.Date.AddDays(1);
        var job = await JobOfAsync(clinic, second.SlotKey);
        Assert.Equal("retrying", job.State);
        Assert.Equal(nextMidnight, job.RunAt.UtcDateTime);
        Assert.Equal(2, await Sandbox.CountRequestsAsync(clinic.ZoomUser, "zoom.meetings.create"));

        var admin = await SignInAsync(Host, clinic.PathBase, "admin@clinic.test");
        var page = await admin.GetPageAsync($"{clinic.PathBase}/admin/meetings?State=problems");
        Assert.Contains("reached Zoom's daily limit", page.QuerySelector($"tr[data-slot='{second.SlotKey}']")!.TextContent);
    }

    [Theory]
    [InlineData("not_telemed")]
    [InlineData("zoom_disabled")]
    [InlineData("host_not_connected")]
    public async Task MakeNoMeetingAndSayWhy(string reasonCode)
    {
        var clinic = await CreateAsync(Host, connect: reasonCode != "host_not_connected");
        if (reasonCode == "zoom_disabled")
        {
            await Host.InTenantAsync(clinic.Tenant, async services =>
            {
                var store = services.GetRequiredService<ZoomSettingsStore>();
                var settings = await store.GetAsync();
                settings.Enabled = false;
                await store.SaveAsync(settings);
                return true;
            });
        }

        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(1), telemed: reasonCode != "not_telemed");
        await PublishAsync(Host, clinic, booked);

        await Eventually.TrueAsync(async () => await InClinicAsync(Host, clinic, db => db.Appointments.AnyAsync(a => a.AppointmentId == booked.AppointmentId)), Waiting.Generous);
        var info = await PatientViewAsync(clinic, booked.AppointmentId);
        Assert.Equal(MeetingState.NotApplicable, info!.State);
        Assert.False(string.IsNullOrWhiteSpace(info.Reason));
        Assert.Equal(reasonCode, (await InClinicAsync(Host, clinic, db => db.Appointments.SingleAsync(a => a.AppointmentId == booked.AppointmentId))).ReasonCode);
        Assert.Null(await MeetingAsync(Host, clinic, booked.SlotKey));
        if (reasonCode != "host_not_connected")
        {
            Assert.Empty(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        }
    }

    [Fact]
    public async Task ShowThePatientThatTheLinkIsOnItsWayWhileZoomIsDown()
    {
        var clinic = await CreateAsync(Host);
        await Sandbox.AddFaultAsync(new { user = clinic.ZoomUser, kind = "error", status = 503, count = 1000, operation = "zoom.meetings.create" });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(1));

        await PublishAsync(Host, clinic, booked);
        await Eventually.TrueAsync(async () => (await MeetingAsync(Host, clinic, booked.SlotKey))?.LastError is not null, Waiting.Generous);

        var patient = await PatientViewAsync(clinic, booked.AppointmentId);
        Assert.Equal(MeetingState.Pending, patient!.State);
        Assert.Equal(MeetingLinks.LinkOnItsWay, patient.Reason);
        Assert.Null(patient.LastError);
        var staff = await Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<IMeetingLinks>().GetForHostAsync(booked.AppointmentId, freshStartUrl: true));
        Assert.Equal(MeetingState.Pending, staff!.State);
        Assert.Contains("503", staff.LastError);
        await Sandbox.SendAsync(HttpMethod.Delete, $"zoom/faults?user={clinic.ZoomUser}");
        await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
    }

    [Fact]
    public async Task MakeTheMeetingOnTheHostsZoomWhenTheServiceLeavesTheProviderToTheHost()
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2)) with { MeetingProvider = Telemed.Core.Clinic.MeetingProviders.HostsConnected };

        await PublishAsync(Host, clinic, booked);

        var meeting = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        Assert.Equal("zoom", meeting.Provider);
        Assert.Equal(meeting.ZoomId(), Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task KeepTheNewerStateWhenAnOlderChangeArrivesLate()
    {
        var clinic = await CreateAsync(Host);
        var start = new DateTimeOffset(2031, 5, 6, 9, 0, 0, TimeSpan.Zero);
        var booked = Appointment(clinic, start) with { Version = 1 };
        await PublishAsync(Host, clinic, booked);
        await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");

        var newer = booked with { Change = AppointmentChange.Rescheduled, StartUtc = start.AddDays(2), EndUtc = start.AddDays(2).AddMinutes(60), Version = 3 };
        var older = booked with { Change = AppointmentChange.Rescheduled, StartUtc = start.AddDays(1), EndUtc = start.AddDays(1).AddMinutes(45), Version = 2 };
        await PublishAsync(Host, clinic, newer);
        await Eventually.TrueAsync(async () => (await Sandbox.LiveMeetingsAsync(clinic.ZoomUser)).Single().GetProperty("duration").GetInt32() == 60, TimeSpan.FromSeconds(30));
        await PublishAsync(Host, clinic, older);
        await Eventually.TrueAsync(async () => await PendingDeliveriesAsync(clinic) == 0, TimeSpan.FromSeconds(30), () => "the late change to be delivered");
        await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");

        var atZoom = Assert.Single(await Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.Equal("2031-05-08T09:00:00Z", atZoom.GetProperty("start_time").GetString());
        Assert.Equal(60, atZoom.GetProperty("duration").GetInt32());
        var record = await InClinicAsync(Host, clinic, db => db.Appointments.AsNoTracking().SingleAsync(a => a.AppointmentId == booked.AppointmentId));
        Assert.Equal(3, record.AppliedVersion);
        Assert.Equal(start.AddDays(2), record.StartUtc);
    }

    [Fact]
    public void NameEveryJobKindStably()
    {
        var kinds = Host.Services.GetServices<Telemed.Core.Jobs.JobKind>().ToList();
        var current = kinds.Where(k => !k.Name.StartsWith("event:", StringComparison.Ordinal)).ToList();
        Assert.Contains(current, k => k.Name == Telemed.Workflows.Events.WorkflowTriggers.AppointmentKind);
        Assert.All(current, k => Assert.Matches("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$", k.Name));
        // Jobs queued under the names the subscriber and the sync job had while meetings followed appointments by
        // themselves (and while Zoom kept them) are still run by them.
        var subscriber = typeof(Telemed.Core.Events.EventDeliveryJob<AppointmentChanged, Telemed.Meetings.Planning.AppointmentMeetingSubscriber>);
        Assert.Contains(kinds, k => k.Name == "meetings.appointment-changed" && k.HandlerType == subscriber);
        Assert.Contains(kinds, k => k.Name == "event:AppointmentChanged:Telemed.Zoom.Jobs.AppointmentMeetingSubscriber" && k.HandlerType == subscriber);
        Assert.Contains(kinds, k => k.Name == "zoom.appointment-changed" && k.HandlerType == subscriber);
        Assert.Contains(kinds, k => k.Name == "zoom.meeting.sync" && k.HandlerType == typeof(Telemed.Meetings.Sync.SyncMeetingJob));
    }

    private async Task<long> PendingDeliveriesAsync(ZoomClinic clinic)
    {
        await using var connection = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM jobs WHERE kind = @kind AND tenant_id = @tenant AND state NOT IN ('succeeded', 'dead')", connection);
        command.Parameters.AddWithValue("kind", Telemed.Workflows.Events.WorkflowTriggers.AppointmentKind);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<MeetingInfo?> PatientViewAsync(ZoomClinic clinic, Guid appointmentId) =>
        Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<IMeetingLinks>().GetForPatientAsync(appointmentId));

    private async Task<(string State, DateTimeOffset RunAt)> JobOfAsync(ZoomClinic clinic, string slotKey)
    {
        await using var connection = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT state, run_at FROM jobs WHERE kind = 'meetings.sync' AND tenant_id = @tenant AND payload->>'slotKey' = @slot ORDER BY id DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        command.Parameters.AddWithValue("slot", slotKey);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
    }
}
