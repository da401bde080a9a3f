using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telemed.GoogleMeet.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Telemed.GoogleMeet.BrowserTests.Infrastructure.MeetClinic;
using static Telemed.GoogleMeet.BrowserTests.Infrastructure.PageSteps;

namespace Telemed.GoogleMeet.BrowserTests;

/// <summary>
/// The Google Meet video visit in Chromium: the doctor connects Google on the sandbox's consent page, a visitor books the
/// clinic's Google Meet consultation, and just before it starts the patient's Join opens the Meet link while the doctor's
/// button reads Join as host. The sandbox's Google holds the Calendar event with that link.
/// </summary>
public sealed class GoogleMeetVisitShould : IAsyncLifetime
{
    /// <summary>The doctor's Google account, deliberately not their sign-in e-mail, so the page shows which one is connected.</summary>
    private const string GoogleAccount = "grace.okafor@sandbox.test";

    private static readonly Regex MeetLink = new(@"/sandbox/google/meet/[a-z]{3}-[a-z]{4}-[a-z]{3}$");

    private readonly ShiftableClock _clock = new();
    private readonly BrowserFixture _browser = new();
    private TestHost _host = null!;
    private MeetClinic _clinic = null!;
    private GoogleSandboxControl _sandbox = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        });
        _clinic = await ProvisionAsync(_host);
        _sandbox = new GoogleSandboxControl(_host);
        await _browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task LetTheDoctorConnectGoogleAndThePatientJoinTheBookedVisitByItsMeetLink()
    {
        await using var doctorContext = await _browser.NewContextAsync(_host);
        var doctorViolations = await PolicyViolations.WatchAsync(doctorContext);
        var doctor = await doctorContext.NewPageAsync();
        await ConnectGoogleAsync(doctor);

        await using var patientContext = await _browser.NewContextAsync(_host);
        var patientViolations = await PolicyViolations.WatchAsync(patientContext);
        var patient = await patientContext.NewPageAsync();
        await BookTheGoogleMeetConsultationAsync(patient);
        var confirmationUrl = patient.Url;
        var (appointmentId, start) = await _clinic.FindAppointmentAsync(PatientEmail);
        var meeting = await _clinic.WaitForMeetingAsync(appointmentId);
        Assert.Matches(MeetLink, meeting.JoinUrl);
        Assert.StartsWith(new Uri(_host.BaseAddress, "sandbox/google/meet/").ToString(), meeting.JoinUrl);
        await ExpectTheEventAtGoogleAsync(meeting.JoinUrl!, start);

        // Long before the start the link exists but Join is closed.
        await patient.ReloadAsync();
        await Expect(patient.Locator("button[data-testid=join]")).ToBeDisabledAsync();
        await Expect(patient.Locator("[data-testid=join-note]")).ToHaveTextAsync("Join opens 10 minutes before the start.");

        // Five minutes before the start: Join is open for the patient, Join as host for the doctor.
        _clock.Offset = start.AddMinutes(-5) - DateTimeOffset.UtcNow;

        await patient.GotoAsync(confirmationUrl);
        await ExpectJoinByTheMeetLinkAsync(patient, meeting.JoinUrl!);
        var meetTab = await patient.RunAndWaitForPopupAsync(() => patient.Locator("a[data-testid=join]").ClickAsync());
        await ExpectInTheMeetingAsync(meetTab, meeting.JoinUrl!, "^" + Regex.Escape(meeting.JoinUrl!) + "$");
        await meetTab.CloseAsync();

        await patient.GetByRole(AriaRole.Link, new() { Name = "Manage your appointment" }).ClickAsync();
        await ExpectAtAsync(patient, "/book/manage/[^/]+$");
        await ExpectJoinByTheMeetLinkAsync(patient, meeting.JoinUrl!);

        await SignInAsync(patient, _clinic, PatientEmail, "/my/appointments");
        await ExpectJoinByTheMeetLinkAsync(patient, meeting.JoinUrl!, $"[data-appointment-id='{appointmentId}']");

        await ExpectJoinAsHostAsync(doctor, appointmentId, meeting.JoinUrl!);
        doctorViolations.AssertNone();
        patientViolations.AssertNone();
    }

    /// <summary>Video connections (from My video sessions), Connect Google Meet, the consent page, and back.</summary>
    private async Task ConnectGoogleAsync(IPage doctor)
    {
        await SignInAsync(doctor, _clinic, DoctorEmail, "/admin");
        await doctor.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "My video sessions" }).ClickAsync();
        await doctor.GetByRole(AriaRole.Link, new() { Name = "Manage video connections" }).ClickAsync();
        await ExpectAtAsync(doctor, Regex.Escape($"{_clinic.PathBase}/meetings/connections") + "$");
        var card = doctor.Locator("section[data-provider=google-meet]");
        await Expect(card.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Google Meet Not connected");

        await card.GetByRole(AriaRole.Button, new() { Name = "Connect Google Meet" }).ClickAsync();
        await ExpectAtAsync(doctor, Regex.Escape("/sandbox/google/o/oauth2/v2/auth?"));
        await Expect(doctor.Locator("input[name=scope][value$='/calendar.events']")).ToBeCheckedAsync();
        await doctor.GetByLabel("Google account (sandbox e-mail)").FillAsync(GoogleAccount);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        await ExpectAtAsync(doctor, Regex.Escape($"{_clinic.PathBase}/meetings/connections") + "$");
        await Expect(card.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Google Meet Connected");
        await Expect(card.Locator("[data-testid=google-meet-account]")).ToHaveTextAsync(GoogleAccount);
        await Expect(doctor.GetByText("Google Meet is connected.")).ToBeVisibleAsync();

        // The sandbox's Google holds what the doctor allowed: offline access to their calendar's events.
        var grant = Assert.Single((await _sandbox.AccountAsync(GoogleAccount)).GetProperty("grants").EnumerateArray());
        Assert.Equal("active", grant.GetProperty("status").GetString());
        Assert.True(grant.GetProperty("offline").GetBoolean());
        Assert.Contains("https://www.googleapis.com/auth/calendar.events", grant.GetProperty("scope").GetString()!.Split(' '));
    }

    private async Task BookTheGoogleMeetConsultationAsync(IPage patient)
    {
        await patient.GotoAsync($"{_clinic.PathBase}/book");
        await patient.GetByRole(AriaRole.Link, new() { Name = $"Choose {ServiceName}" }).ClickAsync();
        await patient.Locator("a.slot").First.ClickAsync();
        await ExpectAtAsync(patient, @"/details\?");
        await patient.GetByLabel("Full name").FillAsync(PatientName);
        await patient.GetByLabel("E-mail").FillAsync(PatientEmail);
        await patient.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await ExpectAtAsync(patient, "/book/confirmation/[^/]+$");
    }

    /// <summary>One event in the doctor's Google Calendar, at the appointment's time, whose Meet link is the one the pages show.</summary>
    private async Task ExpectTheEventAtGoogleAsync(string joinUrl, DateTimeOffset start)
    {
        var inspected = Assert.Single(await _sandbox.EventsAsync(GoogleAccount));
        var atGoogle = inspected.GetProperty("event");
        Assert.Equal("confirmed", atGoogle.GetProperty("status").GetString());
        Assert.Equal(joinUrl, atGoogle.GetProperty("hangoutLink").GetString());
        Assert.Equal(GoogleAccount, atGoogle.GetProperty("organizer").GetProperty("email").GetString());
        Assert.Equal(start, DateTimeOffset.Parse(atGoogle.GetProperty("start").GetProperty("dateTime").GetString()!));
        Assert.Equal(start.AddMinutes(30), DateTimeOffset.Parse(atGoogle.GetProperty("end").GetProperty("dateTime").GetString()!));
        Assert.Equal("success", atGoogle.GetProperty("conferenceData").GetProperty("createRequest").GetProperty("status").GetProperty("statusCode").GetString());
        // The clinic does not invite patients by default: the patient is not on the doctor's calendar.
        Assert.DoesNotContain(PatientEmail, atGoogle.GetRawText());
    }

    /// <summary>
    /// The patient's Join (within <paramref name="scope"/>) goes to the Meet link; Meet has no passcode, and the doctor's
    /// account link (authuser=) or Google account never reaches a patient's page.
    /// </summary>
    private static async Task ExpectJoinByTheMeetLinkAsync(IPage patient, string joinUrl, string scope = "main")
    {
        var join = patient.Locator(scope).Locator("a[data-testid=join]");
        await Expect(join).ToHaveAttributeAsync("href", joinUrl);
        await Expect(join).ToHaveTextAsync("Join video visit");
        await Expect(patient.Locator("[data-testid=passcode]")).ToHaveCountAsync(0);
        var html = await patient.ContentAsync();
        Assert.DoesNotContain("authuser", html);
        Assert.DoesNotContain(GoogleAccount, html);
    }

    /// <summary>The appointment's staff page and the doctor's sessions list offer Join as host, which opens the Meet as the organizer's account.</summary>
    private async Task ExpectJoinAsHostAsync(IPage doctor, Guid appointmentId, string joinUrl)
    {
        var startPath = new Regex(Regex.Escape($"{_clinic.PathBase}/meetings/appointments/{appointmentId}/start") + "$");
        await doctor.GotoAsync($"{_clinic.PathBase}/admin/appointments/{appointmentId}");
        var section = doctor.Locator("[data-testid=meeting-section]");
        var joinAsHost = section.Locator("a[data-testid=start-session]");
        await Expect(joinAsHost).ToHaveTextAsync("Join as host");
        await Expect(joinAsHost).ToHaveAttributeAsync("href", startPath);
        await Expect(section).ToContainTextAsync($"Patient link: {joinUrl}");
        await Expect(section).Not.ToContainTextAsync("Start session");

        var hostTab = await doctor.RunAndWaitForPopupAsync(() => joinAsHost.ClickAsync());
        await ExpectInTheMeetingAsync(hostTab, joinUrl, "^" + Regex.Escape($"{joinUrl}?authuser={Uri.EscapeDataString(GoogleAccount)}") + "$");
        await hostTab.CloseAsync();

        await doctor.GotoAsync($"{_clinic.PathBase}/meetings/sessions");
        var row = doctor.Locator($"tr[data-appointment-id='{appointmentId}']");
        await Expect(row).ToContainTextAsync(PatientName);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Join as host" })).ToHaveAttributeAsync("href", startPath);
        await Expect(row).Not.ToContainTextAsync("Start session");
    }

    /// <summary>The tab landed on the sandbox's Meet room of this link, at an address matching <paramref name="address"/>.</summary>
    private static async Task ExpectInTheMeetingAsync(IPage tab, string joinUrl, string address)
    {
        await ExpectAtAsync(tab, address);
        var code = joinUrl[(joinUrl.LastIndexOf('/') + 1)..];
        await Expect(tab.Locator("main")).ToContainTextAsync($"You are in meeting {code}");
    }
}
