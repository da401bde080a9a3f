using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Core.Tenancy;
using Telemed.Notifications.Delivery;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Workflows.BrowserTests;

/// <summary>
/// The whole loop in Chromium: the clinic's admin adds an SMS to the booked workflow in the editor, a visitor books on the
/// public site, the SMS reaches the SMS sandbox, and the run history draws the path the booking took.
/// </summary>
[Collection(WorkflowsCollection.Name)]
public sealed class BookedSmsShould(WorkflowsFixture fixture)
{
    private const string Booked = WorkflowsFixture.BookedWorkflow;

    [Fact]
    public async Task SendTheSmsAddedInTheEditorWhenAVisitorBooksAndDrawItsPathInTheRunHistory()
    {
        var clinic = await DemoClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        var phone = $"+4477009{Random.Shared.Next(10000, 99999)}";
        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var admin = await context.NewPageAsync();
        string smsId = "";
        await violations.AssertNoneAfterAsync(async () =>
        {
            await admin.GotoAsync($"/c/{clinic.Slug}/login");
            await admin.GetByLabel("E-mail").FillAsync("admin@demo.clinic");
            await admin.GetByLabel("Password").FillAsync("Demo123!");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await PageUrls.ExpectAsync(admin, $"**/c/{clinic.Slug}/admin");

            await admin.GotoAsync($"/c/{clinic.Slug}/admin/workflows/{workflow.Id}/edit");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add Send SMS" }).ClickAsync();
            var panel = admin.GetByTestId("properties-panel");
            smsId = await admin.Locator(".drawflow-node[data-activity-type='notifications.sms']").GetAttributeAsync("data-activity-id") ?? "";
            await panel.GetByLabel("Text", new() { Exact = true }).FillAsync("Hi {{ patient.name }}, your {{ service.name }} with {{ host.name }} is booked.");
            await admin.Locator(".drawflow-node[data-activity-id='booked'] .wf-node-title").ClickAsync();
            await panel.GetByLabel("After “Done”, go to").SelectOptionAsync(new SelectOptionValue { Label = $"Send SMS ({smsId})" });
            await panel.GetByRole(AriaRole.Button, new() { Name = "Connect Done" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save and enable" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved version 2; the workflow is on.");

            // A visitor books on the clinic's public site, with a phone number.
            await using var visitor = await fixture.Browser.NewContextAsync(fixture.Host);
            var page = await visitor.NewPageAsync();
            await page.GotoAsync($"/c/{clinic.Slug}/book");
            await page.GetByRole(AriaRole.Link, new() { Name = "Choose General consultation" }).ClickAsync();
            await page.Locator("a.slot").First.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/details?*");
            await page.GetByLabel("Full name").FillAsync("Sam Visitor");
            await page.GetByLabel("E-mail").FillAsync("sam.visitor@patient.test");
            await page.GetByLabel("Phone (optional)").FillAsync(phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/book/confirmation/*");

            var sandbox = fixture.Host.GetRequiredService<SmsSandbox>();
            // The clinic's booked template texts the patient too; the workflow's own SMS is the one written in the editor.
            await Waiting.UntilAsync(() => sandbox.Messages.Any(m => m.To == phone && m.Text.StartsWith("Hi Sam Visitor")), "the workflow's SMS at the sandbox");
            Assert.Matches("^Hi Sam Visitor, your General consultation with Dr [A-Z][a-z]+ [A-Z][a-z]+ is booked.$",
                Assert.Single(sandbox.Messages, m => m.To == phone && m.Text.StartsWith("Hi Sam Visitor")).Text);

            // The run history draws the path the booking took: start → SMS (and the meeting and the confirmation).
            var appointmentId = await fixture.InClinicAsync(clinic, services => services.GetRequiredService<BookingDb>().Appointments
                .Where(a => a.PatientEmail == "sam.visitor@patient.test").Select(a => a.Id).SingleAsync());
            await admin.GotoAsync($"/c/{clinic.Slug}/admin/workflows/runs?appointment={appointmentId}");
            var row = admin.Locator($"tr[data-run]:has-text('{Booked}')");
            await Expect(row).ToHaveAttributeAsync("data-run-status", "finished");
            await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Details") }).ClickAsync();
            await Expect(admin.GetByTestId("run-status")).ToHaveTextAsync("Finished");
            await Expect(admin.Locator($".drawflow-node[data-activity-id='{smsId}']")).ToHaveClassAsync(new Regex(@"\bwf-ran\b.*\bwf-status-done\b"));
            await Expect(admin.Locator($"svg.connection.wf-taken[data-from='booked'][data-to='{smsId}']")).ToHaveCountAsync(1);
            await Expect(admin.GetByTestId("step-log").Locator($"tr[data-activity-id='{smsId}']")).ToContainTextAsync("Sent 1 SMS message.");
            await WorkflowsFixture.ScreenshotAsync(admin, "workflow-run.png");
        });
    }

    /// <summary>The demo clinic's recipe (services, doctors with hours, default workflows) under a fresh address.</summary>
    private Task<Tenant> DemoClinicAsync() => TestClinics.ProvisionDemoAsync(fixture.Host, "wfs");
}
