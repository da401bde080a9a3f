using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Core.Api;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;

namespace Telemed.Api.IntegrationTests;

/// <summary>
/// /api/v1/appointments/{id}/meeting on the demo clinic's recipe, whose doctors are connected to the Zoom sandbox:
/// the meeting is made at the sandbox over HTTP, read back with its join link, removed and made again; the host's start
/// link only with the host scope.
/// </summary>
public sealed class MeetingsApiShould : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Zoom:RecipeSandboxConnections"] = "true",
    }, await TestPostgres.CreateDatabaseAsync("apimeet"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ShowTheJoinLinkMakeAndRemoveTheMeetingAndGiveTheStartLinkOnlyToAHostKey()
    {
        var (clinic, keys) = await DemoClinicAsync();
        var client = _host.CreateClient();
        var api = (string path) => $"/c/{clinic.Slug}/api/v1{path}";
        var appointment = await BookAsync(clinic, keys.Book, "General consultation");
        var meetingUrl = api($"/appointments/{appointment}/meeting");

        var made = await Waiting.ForAsync(() => MeetingAsync(client, meetingUrl, keys.Meetings),
            m => m.GetProperty("state").GetString() == "created", m => m.GetRawText(), "the Zoom meeting");
        Assert.Equal("zoom", made.GetProperty("provider").GetString());
        var joinUrl = made.GetProperty("joinUrl").GetString()!;
        Assert.StartsWith("http", joinUrl);
        Assert.False(string.IsNullOrEmpty(made.GetProperty("passcode").GetString()));
        Assert.DoesNotContain("start", made.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // The start link signs its bearer in as the host: only a key with the host scope gets it.
        await Problem.ReadAsync(await client.GetWithKeyAsync($"{meetingUrl}/start-link", keys.Meetings), HttpStatusCode.Forbidden);
        var start = await ReadAsync(await client.GetWithKeyAsync($"{meetingUrl}/start-link", keys.Host));
        var startUrl = start.GetProperty("startUrl").GetString()!;
        Assert.StartsWith("http", startUrl);
        Assert.NotEqual(joinUrl, startUrl);

        var removed = await client.SendWithKeyAsync(HttpMethod.Delete, meetingUrl, keys.Meetings);
        Assert.Equal(HttpStatusCode.Accepted, removed.StatusCode);
        await Waiting.ForAsync(() => MeetingAsync(client, meetingUrl, keys.Meetings),
            m => m.GetProperty("state").GetString() is "deleted" or "not_applicable", m => m.GetRawText(), "the meeting to be removed");
        await Problem.ReadAsync(await client.GetWithKeyAsync($"{meetingUrl}/start-link", keys.Host), HttpStatusCode.Conflict);

        var again = await client.PostWithKeyAsync(meetingUrl, keys.Meetings, null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var remade = await Waiting.ForAsync(() => MeetingAsync(client, meetingUrl, keys.Meetings),
            m => m.GetProperty("state").GetString() == "created", m => m.GetRawText(), "the meeting to be made again");
        Assert.StartsWith("http", remade.GetProperty("joinUrl").GetString());
        // Still the appointment's only booking: the meeting went and came back, the appointment stayed.
        var booked = await _host.InTenantAsync(clinic, s => s.GetRequiredService<BookingDb>().Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment));
        Assert.Equal("confirmed", booked.Status);
    }

    [Fact]
    public async Task MakeTheMeetingAgainWhenAskedWhileItsRemovalIsStillUnderWay()
    {
        var (clinic, keys) = await DemoClinicAsync();
        var client = _host.CreateClient();
        var appointment = await BookAsync(clinic, keys.Book, "General consultation");
        var meetingUrl = $"/c/{clinic.Slug}/api/v1/appointments/{appointment}/meeting";
        var first = await Waiting.ForAsync(() => MeetingAsync(client, meetingUrl, keys.Meetings),
            m => m.GetProperty("state").GetString() == "created", m => m.GetRawText(), "the Zoom meeting");
        var attempts = await SyncAttemptsAsync(clinic, appointment);

        // Zoom takes 3 s to answer the delete, so the meeting is asked for again while its removal is in flight: the
        // removal's "deleted" lands after the new plan, and the next run must make a new meeting rather than keep the dead one.
        await new SandboxControlClient(new Uri(_host.BaseAddress, "sandbox/"))
            .PostAsync("zoom/faults", new { kind = "slow", operation = "zoom.meetings.delete", delay_ms = 3000, count = 1 });
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendWithKeyAsync(HttpMethod.Delete, meetingUrl, keys.Meetings)).StatusCode);
        await Waiting.UntilAsync(async () => await SyncAttemptsAsync(clinic, appointment) > attempts, "the removal to reach Zoom");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostWithKeyAsync(meetingUrl, keys.Meetings, null)).StatusCode);

        var remade = await Waiting.ForAsync(() => MeetingAsync(client, meetingUrl, keys.Meetings),
            m => m.GetProperty("state").GetString() == "created" && m.GetProperty("joinUrl").GetString() != first.GetProperty("joinUrl").GetString(),
            m => m.GetRawText(), "a new meeting");
        Assert.StartsWith("http", remade.GetProperty("joinUrl").GetString());
    }

    /// <summary>How many times the sync job has taken up the appointment's meeting (counted before it calls the provider).</summary>
    private Task<int> SyncAttemptsAsync(Tenant clinic, Guid appointment) => _host.InTenantAsync(clinic, async services =>
    {
        var db = services.GetRequiredService<MeetingsDb>();
        var slot = await db.Appointments.Where(a => a.AppointmentId == appointment).Select(a => a.SlotKey).SingleAsync();
        return await db.Meetings.Where(m => m.SlotKey == slot).Select(m => m.Attempts).SingleAsync();
    });

    [Fact]
    public async Task RefuseAMeetingForAnAppointmentThatCannotHaveOneOrIsAnotherClinics()
    {
        var (clinic, keys) = await DemoClinicAsync();
        var (other, otherKeys) = await DemoClinicAsync();
        var client = _host.CreateClient();
        var inPerson = await BookAsync(clinic, keys.Book, "In-clinic check-up");
        var theirs = await BookAsync(other, otherKeys.Book, "General consultation");

        var notVideo = await client.PostWithKeyAsync($"/c/{clinic.Slug}/api/v1/appointments/{inPerson}/meeting", keys.Meetings, null);
        Assert.Equal("Not a video service", (await Problem.ReadAsync(notVideo, HttpStatusCode.UnprocessableEntity)).Title);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            var foreign = await client.SendWithKeyAsync(method, $"/c/{clinic.Slug}/api/v1/appointments/{theirs}/meeting", keys.Meetings);
            Assert.Equal("No such appointment", (await Problem.ReadAsync(foreign, HttpStatusCode.NotFound)).Title);
        }
        await Problem.ReadAsync(await client.GetWithKeyAsync($"/c/{clinic.Slug}/api/v1/appointments/{theirs}/meeting/start-link", keys.Host), HttpStatusCode.NotFound);

        var cancelled = await client.PostWithKeyAsync($"/c/{other.Slug}/api/v1/appointments/{theirs}/cancel", otherKeys.Manage, """{ "reason": "Unwell" }""");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var afterCancel = await client.PostWithKeyAsync($"/c/{other.Slug}/api/v1/appointments/{theirs}/meeting", otherKeys.Meetings, null);
        Assert.Equal("Appointment not confirmed", (await Problem.ReadAsync(afterCancel, HttpStatusCode.UnprocessableEntity)).Title);
    }

    private sealed record Keys(string Book, string Manage, string Meetings, string Host);

    private async Task<(Tenant Clinic, Keys Keys)> DemoClinicAsync()
    {
        var clinic = await TestClinics.ProvisionDemoAsync(_host, "apim");
        var admin = await AdminKeys.SignInAsync(_host, $"/c/{clinic.Slug}", "admin@demo.clinic", "Demo123!");
        return (clinic, new Keys(
            await admin.CreateAsync("Website", ApiScopes.Read, ApiScopes.Book),
            await admin.CreateAsync("Back office", ApiScopes.Manage),
            await admin.CreateAsync("Meetings", ApiScopes.Meetings),
            await admin.CreateAsync("Doctor's app", ApiScopes.Host)));
    }

    /// <summary>Books the first time /availability offers for the service, three days ahead (past every notice period).</summary>
    private async Task<Guid> BookAsync(Tenant clinic, string key, string serviceName)
    {
        var client = _host.CreateClient();
        var services = await ReadAsync(await client.GetWithKeyAsync($"/c/{clinic.Slug}/api/v1/services", key));
        var service = services.GetProperty("data").EnumerateArray().Single(s => s.GetProperty("name").GetString() == serviceName);
        var serviceId = service.GetProperty("id").GetGuid();
        var minutes = service.GetProperty("durationsMinutes").EnumerateArray().First().GetInt32();
        var from = DateTime.UtcNow.AddDays(3);
        var free = await ReadAsync(await client.GetWithKeyAsync(
            $"/c/{clinic.Slug}/api/v1/availability?service={serviceId}&from={from:yyyy-MM-dd}&to={from.AddDays(6):yyyy-MM-dd}&tz=Europe/London", key));
        var start = free.GetProperty("slots").EnumerateArray().First().GetProperty("start").GetString()!;
        var booked = await client.PostWithKeyAsync($"/c/{clinic.Slug}/api/v1/appointments", key,
            $$"""{ "serviceId": "{{serviceId}}", "start": "{{start}}", "durationMinutes": {{minutes}}, "patient": { "name": "Pat Meet", "email": "pat.{{Guid.NewGuid():N}}@patient.test" } }""",
            ("Idempotency-Key", Guid.NewGuid().ToString()));
        return (await ReadAsync(booked, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>The meeting as the API shows it; until the clinic's workflow has asked for one there is none (404).</summary>
    private static async Task<JsonElement> MeetingAsync(HttpClient client, string url, string key)
    {
        var response = await client.GetWithKeyAsync(url, key);
        return response.StatusCode == HttpStatusCode.NotFound
            ? JsonDocument.Parse("""{ "state": "none yet" }""").RootElement.Clone()
            : await ReadAsync(response);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
