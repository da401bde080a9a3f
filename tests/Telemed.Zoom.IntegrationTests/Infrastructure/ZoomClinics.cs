using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;

namespace Telemed.Zoom.IntegrationTests.Infrastructure;

/// <summary>A clinic with one host (a signed-in user with the Host role) whose Zoom user in the sandbox is <see cref="ZoomUser"/>.</summary>
public sealed record ZoomClinic(Tenant Tenant, HostSummary Host, string HostEmail, TestClient HostClient, string ZoomUser)
{
    public string PathBase => $"/c/{Tenant.Slug}";
}

/// <summary>Arranges clinics, hosts, Zoom connections and appointments the way the product's own paths do.</summary>
public static class ZoomClinics
{
    public const string Password = TestClinics.Password;

    public static string NewZoomUser() => $"dr.{Guid.NewGuid():N}"[..11] + "@sandbox.test";

    public static async Task<ZoomClinic> CreateAsync(TestHost host, bool connect = true, string? zoomUser = null)
    {
        var tenant = await TestClinics.ProvisionAsync(host, "zc");
        var (hostSummary, email) = await TestClinics.AddHostAsync(host, tenant, "Europe/London");
        var clinic = new ZoomClinic(tenant, hostSummary, email, await SignInAsync(host, $"/c/{tenant.Slug}", email), zoomUser ?? NewZoomUser());
        if (connect)
        {
            var landed = await ConnectAsync(clinic);
            Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        }

        return clinic;
    }

    public static Task<TestClient> SignInAsync(TestHost host, string pathBase, string email) => TestClinics.SignInAsync(host, pathBase, email);

    /// <summary>Clicks "Connect Zoom", approves on the sandbox's consent page as the Zoom user, and follows the redirect back.</summary>
    public static async Task<HttpResponseMessage> ConnectAsync(ZoomClinic clinic, string decision = "allow")
    {
        var authorize = await StartConnectAsync(clinic);
        var callback = await ConsentAsync(authorize, clinic.ZoomUser, decision);
        return await clinic.HostClient.GetAsync(callback);
    }

    public static async Task<Uri> StartConnectAsync(ZoomClinic clinic)
    {
        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
        var started = await clinic.HostClient.SubmitFormAsync(page, $"{clinic.PathBase}/meetings/connections", new Dictionary<string, string>(), handler: "Connect", formSelector: "section[data-provider=zoom] form");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!;
    }

    /// <summary>The user's side at Zoom: the consent page, then Allow or Deny. Returns the redirect back to the product.</summary>
    public static async Task<Uri> ConsentAsync(Uri authorize, string zoomUser, string decision = "allow")
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = Html.Parse(await browser.GetStringAsync(authorize));
        var nonce = consent.QuerySelector("input[name=nonce]") as IHtmlInputElement
            ?? throw new InvalidOperationException("The consent page has no form: " + consent.Body?.TextContent);
        var answer = await browser.PostAsync(new Uri(authorize, "authorize"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["nonce"] = nonce.Value,
            ["user"] = zoomUser,
            ["decision"] = decision,
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    public static AppointmentChanged Appointment(ZoomClinic clinic, DateTimeOffset start, int minutes = 30, AppointmentChange change = AppointmentChange.Booked,
        Guid? appointmentId = null, string? slotKey = null, bool telemed = true, int capacity = 1, string patient = "Pat Patient")
    {
        var id = appointmentId ?? Guid.NewGuid();
        return new AppointmentChanged(id, change, change is AppointmentChange.Cancelled ? "cancelled" : "confirmed", Guid.NewGuid(), "Video consultation",
            telemed, "zoom", capacity, clinic.Host.Id, clinic.Host.UserId, clinic.Host.DisplayName, clinic.Host.TimeZone,
            start, start.AddMinutes(minutes), patient, "patient@example.org", null, "Europe/London", null, slotKey ?? id.ToString());
    }

    public static Task PublishAsync(TestHost host, ZoomClinic clinic, params AppointmentChanged[] changes) => TestClinics.PublishAsync(host, clinic.Tenant, changes);

    public static Task<T> InClinicAsync<T>(TestHost host, ZoomClinic clinic, Func<MeetingsDb, Task<T>> query) =>
        host.InTenantAsync(clinic.Tenant, services => query(services.GetRequiredService<MeetingsDb>()));

    public static Task<MeetingRecord?> MeetingAsync(TestHost host, ZoomClinic clinic, string slotKey) =>
        InClinicAsync(host, clinic, db => db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == slotKey));

    /// <summary>Waits until the slot's meeting reached a state and has no work left.</summary>
    public static async Task<MeetingRecord> SettledMeetingAsync(TestHost host, ZoomClinic clinic, string slotKey, string state, TimeSpan? timeout = null)
    {
        MeetingRecord? meeting = null;
        await Eventually.TrueAsync(async () =>
        {
            meeting = await MeetingAsync(host, clinic, slotKey);
            return meeting is not null && meeting.State == state && meeting.SyncedVersion >= meeting.DesiredVersion;
        }, timeout ?? Waiting.Generous, () => $"meeting of {slotKey}: {meeting?.State} v{meeting?.SyncedVersion}/{meeting?.DesiredVersion} {meeting?.LastError}");
        return meeting!;
    }
}

/// <summary>Zoom's number for a meeting the product keeps by its provider id.</summary>
public static class ZoomMeetingIds
{
    public static long? ZoomId(this MeetingRecord meeting) => meeting.ExternalId is { } id ? long.Parse(id) : null;
}

/// <summary>Waits for a condition the background work makes true; the failure names the condition (its code) and what <c>describe</c> saw.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string>? describe = null,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string waitingFor = "")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {waitingFor}. {describe?.Invoke()}");
            }

            await Task.Delay(100);
        }
    }
}
