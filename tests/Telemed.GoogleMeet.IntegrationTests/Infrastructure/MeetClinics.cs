using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;

namespace Telemed.GoogleMeet.IntegrationTests.Infrastructure;

/// <summary>A clinic with one host (a signed-in user with the Host role) whose Google account in the sandbox is <see cref="GoogleUser"/>.</summary>
public sealed record MeetClinic(Tenant Tenant, HostSummary Host, string HostEmail, TestClient HostClient, string GoogleUser)
{
    public string PathBase => $"/c/{Tenant.Slug}";
}

/// <summary>Arranges clinics, hosts, Google connections and appointments the way the product's own paths do.</summary>
public static class MeetClinics
{
    public const string Provider = "google-meet";

    public static string NewGoogleUser() => $"dr.{Guid.NewGuid():N}"[..11] + "@sandbox.test";

    public static async Task<MeetClinic> CreateAsync(TestHost host, bool connect = true)
    {
        var tenant = await TestClinics.ProvisionAsync(host, "gm");
        var (hostSummary, email) = await TestClinics.AddHostAsync(host, tenant, "Europe/Berlin");
        var clinic = new MeetClinic(tenant, hostSummary, email, await SignInAsync(host, $"/c/{tenant.Slug}", email), NewGoogleUser());
        if (connect)
        {
            var landed = await ConnectAsync(clinic);
            Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
            var connection = await InClinicAsync(host, clinic, db => db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Provider == Provider));
            if (connection?.Status != "connected")
            {
                // Say why: the page the callback returned to carries the outcome.
                var page = await clinic.HostClient.GetPageAsync(landed.Headers.Location!.ToString());
                Assert.Fail($"Google Meet was not connected ({connection?.Status ?? "no connection"}): {page.QuerySelector("[role=alert], [role=status]")?.TextContent.Trim()}");
            }
        }

        return clinic;
    }

    public static Task<TestClient> SignInAsync(TestHost host, string pathBase, string email) => TestClinics.SignInAsync(host, pathBase, email);

    /// <summary>Clicks "Connect Google Meet", approves on the sandbox's consent page, and follows the redirect back.</summary>
    public static async Task<HttpResponseMessage> ConnectAsync(MeetClinic clinic, string decision = "allow", bool untickCalendar = false)
    {
        var authorize = await StartConnectAsync(clinic);
        var callback = await ConsentAsync(authorize, clinic.GoogleUser, decision, untickCalendar);
        return await clinic.HostClient.GetAsync(callback);
    }

    public static async Task<Uri> StartConnectAsync(MeetClinic clinic)
    {
        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
        var started = await clinic.HostClient.SubmitFormAsync(page, $"{clinic.PathBase}/meetings/connections", new Dictionary<string, string>(),
            handler: "Connect", formSelector: $"section[data-provider={Provider}] form");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!;
    }

    /// <summary>The user's side at Google: the consent page, the scopes left ticked or not, then Allow or Deny. Returns the redirect back.</summary>
    public static async Task<Uri> ConsentAsync(Uri authorize, string googleUser, string decision = "allow", bool untickCalendar = false)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = Html.Parse(await browser.GetStringAsync(authorize));
        var nonce = consent.QuerySelector("input[name=nonce]") as IHtmlInputElement
            ?? throw new InvalidOperationException("The consent page has no form: " + consent.Body?.TextContent);
        var form = new List<KeyValuePair<string, string>> { new("nonce", nonce.Value), new("email", googleUser), new("decision", decision) };
        foreach (var scope in consent.QuerySelectorAll("input[name=scope]").OfType<IHtmlInputElement>().Where(s => s.IsChecked))
        {
            if (!(untickCalendar && scope.Value.EndsWith("calendar.events", StringComparison.Ordinal)))
            {
                form.Add(new("scope", scope.Value));
            }
        }

        var answer = await browser.PostAsync(new Uri(authorize, "auth"), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    public static IDictionary<string, Microsoft.Extensions.Primitives.StringValues> QueryOf(Uri uri) => QueryHelpers.ParseQuery(uri.Query);

    public static AppointmentChanged Appointment(MeetClinic clinic, DateTimeOffset start, int minutes = 30, AppointmentChange change = AppointmentChange.Booked,
        Guid? appointmentId = null, string? slotKey = null, int capacity = 1, string patient = "Pat Patient", string patientEmail = "patient@example.org")
    {
        var id = appointmentId ?? Guid.NewGuid();
        return new AppointmentChanged(id, change, change is AppointmentChange.Cancelled ? "cancelled" : "confirmed", Guid.NewGuid(), "Therapy session",
            true, Provider, capacity, clinic.Host.Id, clinic.Host.UserId, clinic.Host.DisplayName, clinic.Host.TimeZone,
            start, start.AddMinutes(minutes), patient, patientEmail, null, "Europe/London", null, slotKey ?? id.ToString());
    }

    public static Task PublishAsync(TestHost host, MeetClinic clinic, params AppointmentChanged[] changes) => TestClinics.PublishAsync(host, clinic.Tenant, changes);

    public static Task<T> InClinicAsync<T>(TestHost host, MeetClinic clinic, Func<MeetingsDb, Task<T>> query) =>
        host.InTenantAsync(clinic.Tenant, services => query(services.GetRequiredService<MeetingsDb>()));

    public static Task<MeetingRecord?> MeetingAsync(TestHost host, MeetClinic clinic, string slotKey) =>
        InClinicAsync(host, clinic, db => db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == slotKey));

    /// <summary>Waits until the slot's meeting reached a state and has no work left (a failed one waits for a reconnect or a retry by staff).</summary>
    public static Task<MeetingRecord?> SettledMeetingAsync(TestHost host, MeetClinic clinic, string slotKey, string state, TimeSpan? timeout = null) =>
        Waiting.ForAsync(() => MeetingAsync(host, clinic, slotKey),
            meeting => meeting is not null && meeting.State == state && (state == "failed" || meeting.SyncedVersion >= meeting.DesiredVersion),
            meeting => $"{meeting?.State} v{meeting?.SyncedVersion}/{meeting?.DesiredVersion} {meeting?.LastError}",
            $"the meeting of {slotKey} to be {state}", timeout);
}
