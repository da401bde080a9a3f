using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Jobs;
using Telemed.Core.Messaging;
using Telemed.GoogleMeet.IntegrationTests.Infrastructure;
using Telemed.GoogleMeet.Services;
using Telemed.Meetings.Sync;
using static Telemed.GoogleMeet.IntegrationTests.Infrastructure.GoogleSandbox;
using static Telemed.GoogleMeet.IntegrationTests.Infrastructure.MeetClinics;

namespace Telemed.GoogleMeet.IntegrationTests;

/// <summary>Calendar events with Meet links at the sandbox following appointments through the job queue, over real HTTP, faults included.</summary>
public sealed class GoogleMeetingsShould(GoogleHostFixture fixture) : IClassFixture<GoogleHostFixture>
{
    private TestHost Host => fixture.Host;
    private GoogleSandbox Sandbox => fixture.Sandbox;

    [Fact]
    public async Task CreateMoveAndDeleteTheEventAsTheAppointmentIsBookedRescheduledAndCancelled()
    {
        var clinic = await CreateAsync(Host);
        var start = new DateTimeOffset(2031, 3, 10, 14, 30, 0, TimeSpan.Zero);
        var booked = Appointment(clinic, start, minutes: 45, patient: "Priya Confidential");

        await PublishAsync(Host, clinic, booked);
        var created = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;
        var inspected = Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser));
        var atGoogle = EventOf(inspected);
        Assert.Equal(created.ExternalId, atGoogle.GetProperty("id").GetString());
        Assert.Equal("2031-03-10T15:30:00+01:00", atGoogle.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/Berlin", atGoogle.GetProperty("start").GetProperty("timeZone").GetString());
        Assert.Equal("2031-03-10T16:15:00+01:00", atGoogle.GetProperty("end").GetProperty("dateTime").GetString());
        Assert.Equal("Therapy session with Dr Test Host", atGoogle.GetProperty("summary").GetString());
        Assert.Equal(created.JoinUrl, atGoogle.GetProperty("hangoutLink").GetString());
        Assert.Equal("hangoutsMeet", atGoogle.GetProperty("conferenceData").GetProperty("createRequest").GetProperty("conferenceSolutionKey").GetProperty("type").GetString());
        Assert.Equal(created.Marker, atGoogle.GetProperty("extendedProperties").GetProperty("private").GetProperty(GoogleMeetProvider.MarkerProperty).GetString());
        Assert.Null(created.Passcode);
        // The clinic does not invite patients by default: neither their name nor their address is on the host's calendar.
        Assert.DoesNotContain("Priya", atGoogle.GetRawText());
        Assert.DoesNotContain(booked.PatientEmail, atGoogle.GetRawText());
        var insert = inspected.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("operation").GetString() == "insert");
        Assert.Equal("none", insert.GetProperty("send_updates").GetString());
        Assert.Equal(1, insert.GetProperty("conference_data_version").GetInt32());

        var moved = start.AddDays(1);
        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Rescheduled, StartUtc = moved, EndUtc = moved.AddMinutes(60) });
        await Waiting.UntilAsync(async () => EventOf((await Sandbox.LiveEventsAsync(clinic.GoogleUser)).Single())
            .GetProperty("end").GetProperty("dateTime").GetString() == "2031-03-11T16:30:00+01:00", "the event to move");
        var afterMove = EventOf(Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser)));
        Assert.Equal(created.ExternalId, afterMove.GetProperty("id").GetString());
        Assert.Equal(created.JoinUrl, afterMove.GetProperty("hangoutLink").GetString());
        Assert.Equal("2031-03-11T15:30:00+01:00", afterMove.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal(created.JoinUrl, (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!.JoinUrl);

        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Cancelled, Status = "cancelled" });
        await SettledMeetingAsync(Host, clinic, booked.SlotKey, "deleted");
        Assert.Empty(await Sandbox.LiveEventsAsync(clinic.GoogleUser));
        Assert.Equal("cancelled", EventOf(Assert.Single(await Sandbox.EventsAsync(clinic.GoogleUser))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SendThePatientTheMeetLinkButNeverTheHostsAccountLink()
    {
        var clinic = await CreateAsync(Host);
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(3), patientEmail: $"p-{Guid.NewGuid():N}@example.org");

        await PublishAsync(Host, clinic, booked);
        var created = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;

        var linkReady = await Waiting.ForAsync(() => Host.InTenantAsync(clinic.Tenant, async services =>
            (await services.GetRequiredService<MessageLog>().SearchAsync(new MessageSearch(booked.PatientEmail, "email")))
                .FirstOrDefault(m => m.Template == "meetinglinkready.patient.email")), m => m is not null, _ => "not logged yet", "the link-ready e-mail");
        Assert.Contains(created.JoinUrl!, linkReady!.Body);
        Assert.DoesNotContain("authuser", linkReady.Body + linkReady.HtmlBody);
        Assert.StartsWith(created.JoinUrl + "?authuser=", await Host.InTenantAsync(clinic.Tenant, services =>
            Task.FromResult(services.GetRequiredService<Telemed.Meetings.Connections.MeetingSecrets>().UnprotectStartUrl(created.ProtectedStartUrl!))));
    }

    [Fact]
    public async Task WaitForAPendingConferenceAndStoreTheLinkOnceGoogleHasMadeIt()
    {
        var clinic = await CreateAsync(Host);
        // Longer than the provider's own looks (two), so the job's retry has to find the event again by its id.
        await Sandbox.SettingsAsync(clinic.GoogleUser, new { conference = "pending", pending_gets = 4 });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));

        await PublishAsync(Host, clinic, booked);

        var created = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;
        var atGoogle = EventOf(Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser)));
        Assert.Equal("success", atGoogle.GetProperty("conferenceData").GetProperty("createRequest").GetProperty("status").GetProperty("statusCode").GetString());
        Assert.Equal(atGoogle.GetProperty("hangoutLink").GetString(), created.JoinUrl);
        Assert.True(created.Attempts >= 2, $"attempts {created.Attempts}");
        Assert.Equal(1, await Sandbox.CountRequestsAsync(clinic.GoogleUser, "google.events.insert"));
    }

    [Fact]
    public async Task AskForANewConferenceWhenGoogleCouldNotMakeOne()
    {
        var clinic = await CreateAsync(Host);
        await Sandbox.SettingsAsync(clinic.GoogleUser, new { conference = "failure" });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));

        await PublishAsync(Host, clinic, booked);
        await Waiting.ForAsync(() => MeetingAsync(Host, clinic, booked.SlotKey), m => m?.LastError?.Contains("Meet conference") == true,
            m => $"{m?.State} {m?.LastError}", "the failed conference to be reported");
        await Sandbox.SettingsAsync(clinic.GoogleUser, new { conference = "success" });

        var created = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;
        var atGoogle = EventOf(Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser)));
        Assert.Equal(created.JoinUrl, atGoogle.GetProperty("hangoutLink").GetString());
        Assert.NotEqual(created.ExternalId + "-meet", atGoogle.GetProperty("conferenceData").GetProperty("createRequest").GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("error", 503, null)]
    [InlineData("error", 500, "backendError")]
    [InlineData("error", 403, "rateLimitExceeded")]
    [InlineData("error", 403, "userRateLimitExceeded")]
    [InlineData("rate_limit", 429, null)]
    public async Task RetryGoogleFailuresUntilTheEventExistsOnce(string kind, int status, string? reason)
    {
        var clinic = await CreateAsync(Host);
        await Sandbox.AddFaultAsync(new { user = clinic.GoogleUser, kind, status, reason, count = 3, retry_after_seconds = 1, operation = "google.events.insert" });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));

        await PublishAsync(Host, clinic, booked);

        var meeting = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;
        Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser));
        Assert.Equal(4, meeting.Attempts);
        Assert.Null(meeting.LastError);
    }

    [Fact]
    public async Task StopWithoutRetryingWhenGoogleForbidsTheCall()
    {
        var clinic = await CreateAsync(Host);
        await Sandbox.AddFaultAsync(new { user = clinic.GoogleUser, kind = "error", status = 403, reason = "forbidden", count = 1, operation = "google.events.insert" });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));

        await PublishAsync(Host, clinic, booked);

        var failed = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "failed"))!;
        Assert.Contains("forbidden", failed.LastError);
        Assert.Equal(1, failed.Attempts);
        Assert.Empty(await Sandbox.LiveEventsAsync(clinic.GoogleUser));
    }

    [Theory]
    [InlineData("delayed_response")]
    [InlineData("drop")]
    public async Task MakeExactlyOneEventWhenACreateReachedGoogleButItsAnswerWasLost(string kind)
    {
        var clinic = await CreateAsync(Host);
        await Sandbox.AddFaultAsync(new { user = clinic.GoogleUser, kind, delay_ms = 2500, count = 1, operation = "google.events.insert" });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));

        await PublishAsync(Host, clinic, booked);

        var created = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;
        var atGoogle = EventOf(Assert.Single(await Sandbox.EventsAsync(clinic.GoogleUser)));
        Assert.Equal(created.ExternalId, atGoogle.GetProperty("id").GetString());
        Assert.Equal(created.JoinUrl, atGoogle.GetProperty("hangoutLink").GetString());
        Assert.True(created.Attempts >= 2);
    }

    [Fact]
    public async Task ShareOneEventAndLinkAmongTheAppointmentsOfAGroupSlot()
    {
        var clinic = await CreateAsync(Host);
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var slot = $"group-{Guid.NewGuid():N}";
        var patients = Enumerable.Range(1, 4).Select(i => Appointment(clinic, start, slotKey: slot, capacity: 6, patient: $"Patient {i}", patientEmail: $"p{i}@example.org")).ToArray();

        await PublishAsync(Host, clinic, patients);
        await Waiting.UntilAsync(async () => await InClinicAsync(Host, clinic, db => db.Appointments.CountAsync(a => a.SlotKey == slot && a.Active)) == 4, "four appointments");
        var meeting = (await SettledMeetingAsync(Host, clinic, slot, "created"))!;

        Assert.Equal(meeting.JoinUrl, EventOf(Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser))).GetProperty("hangoutLink").GetString());

        await PublishAsync(Host, clinic, patients.Select(p => p with { Change = AppointmentChange.Cancelled }).ToArray());
        await SettledMeetingAsync(Host, clinic, slot, "deleted");
        Assert.Empty(await Sandbox.LiveEventsAsync(clinic.GoogleUser));
    }

    [Fact]
    public async Task InviteThePatientsAndLetGoogleMailThemWhenTheClinicAsks()
    {
        var clinic = await CreateAsync(Host);
        await Host.InTenantAsync(clinic.Tenant, async services =>
        {
            var store = services.GetRequiredService<GoogleMeetSettingsStore>();
            var settings = await store.GetAsync();
            settings.InvitePatients = true;
            settings.SendUpdates = "all";
            await store.SaveAsync(settings);
            return true;
        });
        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2), patient: "Ana Patient", patientEmail: "ana@example.org");

        await PublishAsync(Host, clinic, booked);
        await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");

        var inspected = Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser));
        var attendee = Assert.Single(EventOf(inspected).GetProperty("attendees").EnumerateArray());
        Assert.Equal("ana@example.org", attendee.GetProperty("email").GetString());
        Assert.Equal("Ana Patient", attendee.GetProperty("displayName").GetString());
        Assert.Equal("all", inspected.GetProperty("calls")[0].GetProperty("send_updates").GetString());
        Assert.Contains(inspected.GetProperty("emails").EnumerateArray(), e => e.GetProperty("to").GetString() == "ana@example.org");
    }

    [Fact]
    public async Task LookTheEventUpBeforeTheStartAndReplaceItWhenTheHostDeletedItInTheCalendar()
    {
        var clinic = await CreateAsync(Host);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var booked = Appointment(clinic, start, patientEmail: $"p-{Guid.NewGuid():N}@example.org");
        await PublishAsync(Host, clinic, booked);
        var first = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;
        var lookUps = await QueuedVerificationsAsync(clinic, booked.SlotKey);
        Assert.Equal([start.AddHours(-24).ToUnixTimeSeconds()], lookUps.Select(at => at.ToUnixTimeSeconds()));

        await Sandbox.DeleteInCalendarAsync(clinic.GoogleUser, first.ExternalId!);
        await Host.InTenantAsync(clinic.Tenant, async services =>
            await services.GetRequiredService<IJobQueue>().EnqueueAsync(VerifyMeetingJob.Request(clinic.Tenant.Id, booked.SlotKey)));

        var replaced = await Waiting.ForAsync(() => MeetingAsync(Host, clinic, booked.SlotKey),
            m => m is { State: "created", ExternalId: not null } && m.ExternalId != first.ExternalId, m => $"{m?.State} {m?.ExternalId} {m?.LastError}",
            "a new event for the appointment");
        var live = EventOf(Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser)));
        Assert.Equal(replaced!.ExternalId, live.GetProperty("id").GetString());
        Assert.NotEqual(first.JoinUrl, replaced.JoinUrl);
        await Waiting.UntilAsync(() => Host.InTenantAsync(clinic.Tenant, async services =>
            (await services.GetRequiredService<MessageLog>().SearchAsync(new MessageSearch(booked.PatientEmail, "email")))
                .Any(m => m.Body.Contains(replaced.JoinUrl!))), "the patient to be sent the new link");
    }

    [Fact]
    public async Task MakeANewEventWhenTheAppointmentMovesAfterTheHostDeletedItsEvent()
    {
        var clinic = await CreateAsync(Host);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var booked = Appointment(clinic, start);
        await PublishAsync(Host, clinic, booked);
        var first = (await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created"))!;
        await Sandbox.DeleteInCalendarAsync(clinic.GoogleUser, first.ExternalId!);

        await PublishAsync(Host, clinic, booked with { Change = AppointmentChange.Rescheduled, StartUtc = start.AddHours(3), EndUtc = start.AddHours(3).AddMinutes(30) });

        var replaced = await Waiting.ForAsync(() => MeetingAsync(Host, clinic, booked.SlotKey),
            m => m is { State: "created" } && m.ExternalId != first.ExternalId && m.SyncedVersion >= m.DesiredVersion, m => $"{m?.State} {m?.ExternalId} {m?.LastError}",
            "a new event at the new time");
        var live = EventOf(Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser)));
        Assert.Equal(replaced!.ExternalId, live.GetProperty("id").GetString());
        Assert.Equal(GoogleMeetProvider.TimeOf(start.AddHours(3), "Europe/Berlin").DateTime, live.GetProperty("start").GetProperty("dateTime").GetString());
    }

    private async Task<IReadOnlyList<DateTimeOffset>> QueuedVerificationsAsync(MeetClinic clinic, string slotKey)
    {
        await using var connection = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT run_at FROM jobs WHERE kind = 'meetings.verify' AND tenant_id = @tenant AND payload->>'slotKey' = @slot AND state = 'available' ORDER BY run_at", connection);
        command.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        command.Parameters.AddWithValue("slot", slotKey);
        var found = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero));
        }

        return found;
    }
}
