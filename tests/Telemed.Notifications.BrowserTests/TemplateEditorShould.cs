using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Notifications.BrowserTests;

/// <summary>The template editor in Chromium: preview with sample data and a real appointment, errors on save, test send to the Outbox.</summary>
public sealed class TemplateEditorShould : IAsyncLifetime
{
    private const string Password = "Clinic-Pass-1";
    private readonly BrowserFixture _browser = new();
    private TestHost _host = null!;
    private Tenant _clinic = null!;
    private string AdminEmail => $"admin@{_clinic.Slug}.test";

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        await _browser.InitializeAsync();
        var slug = $"ed-{Guid.NewGuid():N}"[..14];
        _clinic = await _host.GetRequiredService<TenantProvisioner>().ProvisionAsync(Recipe.Parse($$"""
            { "name": "editor", "steps": [
              { "step": "users", "users": [ { "email": "admin@{{slug}}.test", "password": "{{Password}}", "displayName": "Ada Admin", "roles": [ "ClinicAdmin" ] } ] },
              { "step": "templates", "defaults": true } ] }
            """), new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task PreviewShowErrorsOnSaveAndSendATest()
    {
        var id = Guid.NewGuid();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero);
        await _host.GetRequiredService<EventPublisher>().PublishAsync(new AppointmentChanged(id, AppointmentChange.Booked, "confirmed", Guid.NewGuid(), "Consultation",
            false, "none", 1, Guid.NewGuid(), null, "Dr Real", "Europe/London", start, start.AddMinutes(30), "Riley Real", "riley@patient.test",
            null, "Europe/London", null, id.ToString(), null, 1), _clinic.Id);
        await Waiting.UntilAsync(async () => (await _host.InTenantAsync(_clinic, s => s.GetRequiredService<Telemed.Core.Messaging.MessageLog>().ListAsync())).Count > 0,
            "the booking's messages");

        await using var context = await _browser.NewContextAsync(_host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            var basePath = $"/c/{_clinic.Slug}";
            await page.GotoAsync($"{basePath}/login");
            await page.GetByLabel("E-mail").FillAsync(AdminEmail);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/admin");
            await page.GetByRole(AriaRole.Link, new() { Name = "Templates" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Edit Booked · Patient · E-mail" }).ClickAsync();

            // Live preview with the sample appointment, then with the real one.
            await Expect(page.GetByTestId("preview-subject")).ToContainTextAsync("Your appointment on");
            await Expect(page.GetByTestId("preview-text")).ToContainTextAsync("Hello Sam Patient");
            await Expect(page.FrameLocator("iframe[title='HTML preview']").Locator("body")).ToContainTextAsync("Sam Patient");
            await page.GetByLabel("Preview with").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await Expect(page.GetByTestId("preview-text")).ToContainTextAsync("Hello Riley Real");
            if (Environment.GetEnvironmentVariable("TELEMED_SCREENSHOTS") is { Length: > 0 } folder)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "template-editor.png"), FullPage = true });
            }

            // A legacy shortcode shows the Liquid it becomes; an unclosed tag is refused on save at its line and column.
            var text = page.Locator("[data-field='Input.Text'] .cm-content");
            await text.ClickAsync();
            await page.Keyboard.PressAsync("Control+Home");
            await page.Keyboard.TypeAsync("Dear {patient_name} {% if patient.name %}oops\n");
            await Expect(page.Locator("[data-translated='Text']")).ToContainTextAsync("Dear {{ patient.name }}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
            await Expect(page.GetByTestId("template-errors")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Text, line \d+, column \d+: .*opened on line 1"));

            // Reload the saved template and send a test to the signed-in admin: it arrives at the embedded SMTP server's Outbox.
            await page.GotoAsync($"{basePath}/admin/templates/booked.patient.email");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send a test to me" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Test message sent to {AdminEmail}");
            await Waiting.UntilAsync(async () =>
            {
                await page.GotoAsync($"{basePath}/admin/outbox");
                return await page.Locator("[data-outbox-id]").CountAsync() > 0 && (await page.Locator("[data-outbox-id] h2").InnerTextAsync()).StartsWith("[Test] Your appointment on");
            }, "the test e-mail in the Outbox");
            await Expect(page.Locator("[data-outbox-id]")).ToContainTextAsync(AdminEmail);
        });
    }
}
