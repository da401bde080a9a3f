using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;
using Telemed.Meetings.Tests.FakeVideo;
using Telemed.Tenants.Services;

namespace Telemed.Meetings.Tests.Infrastructure;

/// <summary>The product with the Fake Video test module installed beside it, recording every <see cref="MeetingChanged"/>.</summary>
public sealed class FakeVideoFixture : IAsyncLifetime
{
    public const string Password = "Clinic-Pass-1";
    public const string AdminEmail = "admin@fake.test";
    public const string HostEmail = "dr.fake@fake.test";

    public TestHost Host { get; private set; } = null!;
    public FakeVideoService Video => Host.GetRequiredService<FakeVideoService>();
    public ConcurrentQueue<MeetingChanged> Changes => Host.GetRequiredService<RecordedMeetingChanges>().All;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Jobs:Workers"] = "4" },
        configureServices: services =>
        {
            services.AddSingleton<RecordedMeetingChanges>();
            services.AddEventSubscriber<MeetingChanged, MeetingChangeRecorder>("tests.meeting-changes");
        },
        additionalModules: [typeof(FakeVideoStartup).Assembly]);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A clinic with an admin, a host open around the clock in UTC, and a video service on <paramref name="provider"/>.</summary>
    public async Task<FakeClinic> ClinicAsync(string provider = FakeVideoStartup.ProviderId)
    {
        var slug = $"fv-{Guid.NewGuid():N}"[..15];
        var recipe = Recipe.Parse($$"""
            {
              "name": "fake-video-tests",
              "steps": [
                { "step": "users", "users": [
                  { "email": "{{AdminEmail}}", "password": "{{Password}}", "displayName": "Ada Admin", "roles": [ "ClinicAdmin" ] },
                  { "email": "{{HostEmail}}", "password": "{{Password}}", "displayName": "Dr Fake", "roles": [ "Host" ] } ] },
                { "step": "services", "services": [
                  { "name": "Video visit", "durations": [ 30 ], "telemed": true, "meetingProvider": "{{provider}}", "horizonDays": 30, "changeNoticeMinutes": 0 } ] },
                { "step": "hosts", "hosts": [
                  { "user": "{{HostEmail}}", "timeZone": "UTC",
                    "weekly": { "Monday": "00:00-24:00", "Tuesday": "00:00-24:00", "Wednesday": "00:00-24:00", "Thursday": "00:00-24:00",
                                "Friday": "00:00-24:00", "Saturday": "00:00-24:00", "Sunday": "00:00-24:00" },
                    "services": [ "Video visit" ] } ] }
              ]
            }
            """);
        var tenant = await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
        var (service, host) = await Host.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            return (await db.Services.Select(s => s.Id).SingleAsync(), await db.Hosts.Select(h => h.Id).SingleAsync());
        });
        return new FakeClinic(tenant, service, host);
    }

    public async Task<TestClient> SignInAsync(FakeClinic clinic, string email)
    {
        var client = Host.CreateClient();
        var login = await client.GetPageAsync($"{clinic.PathBase}/login");
        var response = await client.SubmitFormAsync(login, $"{clinic.PathBase}/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<T> InClinicAsync<T>(FakeClinic clinic, Func<MeetingsDb, Task<T>> query) =>
        Host.InTenantAsync(clinic.Tenant, services => query(services.GetRequiredService<MeetingsDb>()));

    /// <summary>Waits until the appointment's slot has a meeting in <paramref name="state"/> with no work left.</summary>
    public async Task<MeetingRecord> SettledAsync(FakeClinic clinic, Guid appointmentId, string state)
    {
        MeetingRecord? meeting = null;
        await Waiting.UntilAsync(async () =>
        {
            meeting = await InClinicAsync(clinic, async db =>
            {
                var slot = await db.Appointments.Where(a => a.AppointmentId == appointmentId).Select(a => a.SlotKey).FirstOrDefaultAsync();
                return slot is null ? null : await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == slot);
            });
            return meeting is not null && meeting.State == state && meeting.SyncedVersion >= meeting.DesiredVersion;
        }, $"the meeting of appointment {appointmentId} to be {state}");
        return meeting!;
    }
}

public sealed record FakeClinic(Tenant Tenant, Guid Service, Guid Host)
{
    public string PathBase => $"/c/{Tenant.Slug}";
}

public sealed class RecordedMeetingChanges
{
    public ConcurrentQueue<MeetingChanged> All { get; } = new();
}

public sealed class MeetingChangeRecorder(RecordedMeetingChanges recorded) : IEventSubscriber<MeetingChanged>
{
    public Task HandleAsync(MeetingChanged domainEvent, CancellationToken cancellationToken)
    {
        recorded.All.Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}
