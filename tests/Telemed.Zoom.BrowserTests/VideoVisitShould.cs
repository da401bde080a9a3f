using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Zoom.BrowserTests;

/// <summary>
/// The whole video visit in Chromium on the demo clinic: its doctors were connected to the sandbox's Zoom when the demo
/// was seeded, a visitor books a video consultation, and just before it starts the doctor sees Start session and the
/// patient sees Join with the passcode.
/// </summary>
public sealed class VideoVisitShould : IAsyncLifetime
{
    private const string DoctorEmail = "dr.alice@demo.clinic";
    private readonly ShiftableClock _clock = new();
    private readonly BrowserFixture _browser = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Platform:SeedDemo"] = "true", ["Zoom:RecipeSandboxConnections"] = "true" }, configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        });
        await _browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task GiveTheDoctorStartSessionAndThePatientJoinWithThePasscode()
    {
        await using var doctorContext = await _browser.NewContextAsync(_host);
        var doctor = await doctorContext.NewPageAsync();
        await SignInAsync(doctor, DoctorEmail);
        await SeededConnectionAsync(doctor);

        await using var patientContext = await _browser.NewContextAsync(_host);
        var patient = await patientContext.NewPageAsync();
        await BookVideoConsultationAsync(patient, "Jamie Fox", "jamie@example.test");
        var confirmationUrl = patient.Url;
        var (appointmentId, start) = await FindAppointmentAsync("jamie@example.test");
        var meeting = await WaitForMeetingAsync(appointmentId);

        // Five minutes before the start: Join is open for the patient, Start session for the doctor.
        _clock.Offset = start.AddMinutes(-5) - DateTimeOffset.UtcNow;

        await patient.GotoAsync(confirmationUrl);
        await Expect(patient.Locator("a[data-testid=join]")).ToHaveAttributeAsync("href", meeting.JoinUrl!);
        await Expect(patient.Locator("[data-testid=passcode]")).ToHaveTextAsync(meeting.Passcode!);
        Assert.NotNull(meeting.StartUrl);
        Assert.DoesNotContain(meeting.StartUrl, await patient.ContentAsync());

        await doctor.GotoAsync($"/c/demo/admin/appointments/{appointmentId}");
        var startSession = doctor.Locator("a[data-testid=start-session]");
        await Expect(startSession).ToHaveAttributeAsync("href", new Regex(Regex.Escape($"/c/demo/meetings/appointments/{appointmentId}/start") + "$"));
        var zoomTab = await doctor.RunAndWaitForPopupAsync(() => startSession.ClickAsync());
        await PageUrls.ExpectAsync(zoomTab, "**/sandbox/zoom/**");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/c/demo/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Demo123!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/c/demo/admin");
    }

    /// <summary>The demo's seeding connected the doctor to the sandbox's Zoom (a job, once the host listens): nobody clicks Connect.</summary>
    private async Task SeededConnectionAsync(IPage page)
    {
        var demo = (await _host.GetRequiredService<ITenantStore>().FindBySlugAsync("demo"))!;
        await Waiting.ForAsync(
            () => _host.InTenantAsync(demo, services => services.GetRequiredService<Telemed.Meetings.Connections.ConnectionFlow>().ListAsync()),
            connections => connections.Any(c => c.Email == DoctorEmail && c.IsConnected),
            connections => string.Join(", ", connections.Select(c => $"{c.Email} {c.Status}")),
            "the seeded demo doctor's Zoom connection");
        await page.GotoAsync("/c/demo/meetings/connections");
        await Expect(page.Locator("[data-testid=zoom-account]")).ToHaveTextAsync(DoctorEmail);
    }

    private static async Task BookVideoConsultationAsync(IPage page, string name, string email)
    {
        await page.GotoAsync("/c/demo/book");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose General consultation" }).ClickAsync();
        await page.GetByLabel("With").SelectOptionAsync(new SelectOptionValue { Label = "Dr Alice Carter" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show times" }).ClickAsync();
        await page.Locator("a.slot").First.ClickAsync();
        await PageUrls.ExpectAsync(page, "**/details?*");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/book/confirmation/*");
    }

    private async Task<(Guid Id, DateTimeOffset Start)> FindAppointmentAsync(string email)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(_host.OwnerConnectionString);
        await using var command = new NpgsqlCommand("SELECT id, start_utc FROM booking_appointments WHERE patient_email = @email", superuser);
        command.Parameters.AddWithValue("email", email);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the booking was not saved");
        return (reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private async Task<MeetingInfo> WaitForMeetingAsync(Guid appointmentId)
    {
        var demo = (await _host.GetRequiredService<ITenantStore>().FindBySlugAsync("demo"))!;
        return (await Waiting.ForAsync(
            () => _host.InTenantAsync(demo, services =>
                services.GetRequiredService<IMeetingLinks>().GetForHostAsync(appointmentId, freshStartUrl: false)),
            meeting => meeting is { State: MeetingState.Created },
            meeting => $"{meeting?.State} {meeting?.Reason} {meeting?.LastError}",
            $"the Zoom meeting of appointment {appointmentId} to be created at the sandbox"))!;
    }
}
