using System.Text.RegularExpressions;
using Telemed.Core.Tenancy;
using Telemed.Notifications.IntegrationTests;
using static Microsoft.Playwright.Assertions;

namespace Telemed.BrowserTests;

/// <summary>
/// A doctor brought on in one flow, in Chromium, with the invitation going out over a real SMTP exchange: the admin adds
/// the host and invites them by e-mail on one form; the doctor opens the e-mailed link, chooses a password and lands
/// signed in on their own page, where they set their hours and connect Zoom (the sandbox's consent page) without leaving it.
/// </summary>
public sealed partial class DoctorOnboardingShould : IAsyncLifetime
{
    private const string AdminPassword = "Demo123!";
    private const string DoctorEmail = "nia.okafor@onboarding.test";

    private readonly CapturingSmtpServer _smtp = new();
    private readonly BrowserFixture _browser = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:FromAddress"] = "clinic@onboarding.test",
        });
        await _browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task InviteADoctorWhoThenSetsHoursAndConnectsVideoOnOnePage()
    {
        var clinic = await DemoClinicAsync();
        var pathBase = $"/c/{clinic.Slug}";

        await using var adminContext = await _browser.NewContextAsync(_host);
        var admin = await adminContext.NewPageAsync();
        await BrowserSignIn.SignInAsync(admin, pathBase, "admin@demo.clinic", AdminPassword);
        await admin.GotoAsync($"{pathBase}/admin/hosts");
        await admin.GetByRole(AriaRole.Link, new() { Name = "New host" }).ClickAsync();
        await admin.GetByLabel("Display name").FillAsync("Dr Nia Okafor");
        await admin.GetByLabel("Or invite them by e-mail").FillAsync("not-an-address");
        await admin.GetByLabel("General consultation").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        // A bad address is refused next to the field, and nothing else typed is lost.
        var invite = admin.GetByLabel("Or invite them by e-mail");
        await Expect(invite).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.Locator("[data-valmsg-for='Input.InviteEmail']")).ToHaveTextAsync("Enter a valid e-mail address.");
        await Expect(admin.GetByLabel("Display name")).ToHaveValueAsync("Dr Nia Okafor");
        await invite.FillAsync(DoctorEmail);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Dr Nia Okafor was saved and invited: {DoctorEmail} gets an e-mail");

        var invitation = await Waiting.ForAsync(() => Task.FromResult(_smtp.To(DoctorEmail).FirstOrDefault()), m => m is not null,
            _ => $"{_smtp.Messages.Count} other messages", $"the invitation to reach {DoctorEmail} over SMTP");
        Assert.Equal($"You're invited to {clinic.Name}", invitation!.Subject);
        var link = new Uri(InvitationLink().Match(invitation.TextBody).Value);

        await using var doctorContext = await _browser.NewContextAsync(_host);
        var doctor = await doctorContext.NewPageAsync();
        // The link as e-mailed: absolute, on the clinic's own host name (the demo recipe's demo.localhost, loopback to Chromium).
        Assert.Equal("demo.localhost", link.Host);
        await doctor.GotoAsync(link.ToString());
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await doctor.GetByLabel("New password", new() { Exact = true }).FillAsync("Nia-Pass-2026");
        await doctor.GetByLabel("Repeat the new password").FillAsync("Nia-Pass-2026");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();

        await PageUrls.ExpectAsync(doctor, "http://demo.localhost:*/admin/hosts/edit/*?welcome=true");
        var welcome = doctor.GetByTestId("host-welcome");
        await Expect(welcome.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Welcome, Dr Nia Okafor");
        await Expect(welcome).ToContainTextAsync("Enter your weekly hours and save.");
        await Expect(doctor.GetByTestId("host-video").Locator("section[data-provider=zoom]")).ToBeVisibleAsync();
        await doctor.SetViewportSizeAsync(1280, 900);
        Assert.True(new FileInfo(await DocScreenshots.SaveAsync(doctor, "doctor-welcome.png")).Length > 10_000);
        await doctor.GetByLabel("Monday").FillAsync("09:00-12:30, 13:30-17:00");
        await doctor.GetByLabel("Thursday").FillAsync("10:00-16:00");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dr Nia Okafor's schedule saved.");
        await Expect(doctor.GetByLabel("Monday")).ToHaveValueAsync("09:00-12:30, 13:30-17:00");
        var schedulePage = doctor.Url;

        var video = doctor.GetByTestId("host-video");
        var zoom = video.Locator("section[data-provider=zoom]");
        await Expect(zoom.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Zoom Not connected");
        await zoom.GetByRole(AriaRole.Button, new() { Name = "Connect Zoom" }).ClickAsync();
        await PageUrls.ExpectAsync(doctor, "**/sandbox/zoom/**");
        await doctor.GetByLabel("Sign in as (sandbox Zoom user e-mail)").FillAsync(DoctorEmail);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        // Back on the same page, connected.
        await PageUrls.ExpectAsync(doctor, schedulePage);
        await Expect(doctor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Zoom is connected.");
        await Expect(zoom.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Zoom Connected");
        await Expect(zoom.GetByTestId("zoom-account")).ToHaveTextAsync(DoctorEmail);

        // Patients can book the new doctor for the service the admin gave them.
        var visitor = await doctorContext.NewPageAsync();
        await visitor.GotoAsync($"{pathBase}/book");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Choose General consultation" }).ClickAsync();
        await Expect(visitor.Locator("#host")).ToContainTextAsync("Dr Nia Okafor");
    }

    private Task<Tenant> DemoClinicAsync() => TestClinics.ProvisionDemoAsync(_host, "onb");

    [GeneratedRegex(@"https?://\S+/reset-password\?\S+")]
    private static partial Regex InvitationLink();
}
