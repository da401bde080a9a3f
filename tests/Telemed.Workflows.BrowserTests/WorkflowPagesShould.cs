using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Workflows.BrowserTests;

/// <summary>The workflow admin pages in Chromium: the list, the drawn editor, drafts with problems, versions and a run's path.</summary>
public sealed class WorkflowPagesShould(WorkflowsFixture fixture) : IClassFixture<WorkflowsFixture>
{
    private const string Booked = WorkflowsFixture.BookedWorkflow;

    [Fact]
    public async Task ListTheDefaultWorkflowsAndSwitchThemOffAndOn()
    {
        var clinic = await fixture.NewClinicAsync();
        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/workflows$"));
            var row = page.Locator($"tr[data-workflow-name='{Booked}']");
            await Expect(row.GetByTestId("workflow-state")).ToHaveTextAsync("On");
            await Expect(page.Locator("tr[data-workflow-name='Meeting link ready: send the join link']")).ToBeVisibleAsync();

            await row.GetByRole(AriaRole.Button, new() { Name = $"Disable {Booked}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{Booked}” is off");
            await Expect(row.GetByTestId("workflow-state")).ToHaveTextAsync("Off");
            Assert.False((await fixture.WorkflowAsync(clinic, Booked)).Enabled);

            await row.GetByRole(AriaRole.Button, new() { Name = $"Enable {Booked}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{Booked}” is on");
            await Expect(row.GetByTestId("workflow-state")).ToHaveTextAsync("On");
            Assert.True((await fixture.WorkflowAsync(clinic, Booked)).Enabled);

            // Export, then import the file back as a new workflow, off until it is enabled.
            var workflow = await fixture.WorkflowAsync(clinic, Booked);
            var export = await page.APIRequest.GetAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows?handler=Export&id={workflow.Id}");
            Assert.Equal(200, export.Status);
            Assert.Contains("attachment", export.Headers["content-disposition"]);
            var json = await export.TextAsync();
            Assert.Equal(Booked, WorkflowStore.ParseDocument(json).Name);
            await page.GetByLabel("Exported file (.json)").SetInputFilesAsync(new FilePayload { Name = "booked.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json.Replace(Booked, "Imported booking flow")) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported “Imported booking flow”; it is off until you enable it.");
            await Expect(page.Locator(".drawflow-node[data-activity-id='confirm']")).ToBeVisibleAsync();
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await Expect(page.Locator("tr[data-workflow-name='Imported booking flow']").GetByTestId("workflow-state")).ToHaveTextAsync("Off");

            // A bad import is refused with a message beside the field.
            await page.GetByLabel("Or paste its JSON").FillAsync("{ not json");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("import-error")).ToContainTextAsync("This is not a workflow export");

            // At a phone's width the list scrolls inside its table, not the page.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await WorkflowsFixture.ScreenshotAsync(page, "workflows-390.png");
            await WorkflowsFixture.ExpectNoSidewaysScrollAsync(page);
        });
    }

    [Fact]
    public async Task AddAnSmsActivityConnectItAndSaveTheWorkflowEnabled()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        string smsId = "";
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {Booked}" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/workflows/{workflow.Id}/edit$"));
            await Expect(page.Locator(".drawflow-node[data-activity-id='booked']")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Add Send SMS" }).ClickAsync();
            var panel = page.GetByTestId("properties-panel");
            await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Send SMS" })).ToBeVisibleAsync();
            var sms = page.Locator(".drawflow-node[data-activity-type='notifications.sms']");
            smsId = await sms.GetAttributeAsync("data-activity-id") ?? "";
            Assert.Matches("^[0-9a-f]{6}$", smsId);
            await panel.GetByLabel("Text", new() { Exact = true }).FillAsync("See you soon, {{ patient.name }}.");

            // Connect the start event's Done outcome to the SMS from the properties panel.
            await page.Locator(".drawflow-node[data-activity-id='booked'] .wf-node-title").ClickAsync();
            await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Appointment booked" })).ToBeVisibleAsync();
            await panel.GetByLabel("After “Done”, go to").SelectOptionAsync(new SelectOptionValue { Label = $"Send SMS ({smsId})" });
            await panel.GetByRole(AriaRole.Button, new() { Name = "Connect Done" }).ClickAsync();
            await Expect(page.Locator($"svg.connection[data-from='booked'][data-outcome='Done'][data-to='{smsId}']")).ToHaveCountAsync(1);
            await Expect(panel).ToContainTextAsync($"Done → Send SMS ({smsId})");
            await WorkflowsFixture.ScreenshotAsync(page, "workflow-editor.png");

            // Or by dragging from an outcome's port to an activity's input.
            var from = await page.Locator(".drawflow-node[data-activity-id='create-meeting'] .output[data-outcome='Done']").BoundingBoxAsync();
            var to = await sms.Locator(".input").BoundingBoxAsync();
            await page.Mouse.MoveAsync(from!.X + from.Width / 2, from.Y + from.Height / 2);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(to!.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 12 });
            await page.Mouse.UpAsync();
            await Expect(page.Locator($"svg.connection[data-from='create-meeting'][data-outcome='Done'][data-to='{smsId}']")).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and enable" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved version 2; the workflow is on.");
            await Expect(page.Locator($"svg.connection[data-from='booked'][data-to='{smsId}']")).ToHaveCountAsync(1);
        });

        var saved = await fixture.WorkflowAsync(clinic, Booked);
        Assert.Equal(2, saved.Version);
        Assert.True(saved.Enabled);
        Assert.Null(saved.Problems);
        var definition = WorkflowDefinition.Parse(saved.Definition);
        Assert.Contains(new Transition("booked", "Done", smsId), definition.Transitions);
        Assert.Equal("See you soon, {{ patient.name }}.", definition.Find(smsId)!.Properties["text"]!.GetValue<string>());
        Assert.Contains(new Transition("create-meeting", "Done", smsId), definition.Transitions);
        Assert.Equal(4, definition.Transitions.Count);
    }

    [Fact]
    public async Task KeepAGraphWithAnUnconnectedActivityAsADisabledDraftAndShowTheProblemOnIt()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/edit");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add Send SMS" }).ClickAsync();
            var panel = page.GetByTestId("properties-panel");
            await panel.GetByLabel("Text", new() { Exact = true }).FillAsync("Nobody sends me");
            var id = await page.Locator(".drawflow-node[data-activity-type='notifications.sms']").GetAttributeAsync("data-activity-id");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and enable" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("as a draft (off): 1 problem");
            await Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Draft — 1 problem");
            await Expect(page.GetByTestId("workflow-problems")).ToContainTextAsync("Nothing leads to this activity");
            var node = page.Locator($".drawflow-node[data-activity-id='{id}']");
            await Expect(node).ToHaveClassAsync(new Regex(@"\bwf-problem\b"));
            await Expect(node).ToContainTextAsync("Nothing leads to this activity");

            // A Liquid mistake is shown on its field with its line and column, and the activity's form opens at it.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add Send SMS" }).ClickAsync();
            await panel.GetByLabel("Text", new() { Exact = true }).FillAsync("Hello {% if patient.name %}");
            await page.Locator(".drawflow-node[data-activity-id='booked'] .wf-node-title").ClickAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = "Connect Done" }).WaitForAsync();
            var second = await page.Locator($".drawflow-node[data-activity-type='notifications.sms']:not([data-activity-id='{id}'])").GetAttributeAsync("data-activity-id");
            await panel.GetByLabel("After “Done”, go to").SelectOptionAsync(new SelectOptionValue { Label = $"Send SMS ({second})" });
            await panel.GetByRole(AriaRole.Button, new() { Name = "Connect Done" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved version 3 as a draft (off): 2 problems");
            var textField = page.GetByTestId("properties-panel").GetByLabel("Text", new() { Exact = true });
            await Expect(textField).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByTestId("properties-panel")).ToContainTextAsync(new Regex(@"Text: Line 1, column \d+"));
            await Expect(page.Locator($".drawflow-node[data-activity-id='{second}']")).ToHaveClassAsync(new Regex(@"\bwf-problem\b"));
            await page.GetByRole(AriaRole.Button, new() { Name = $"Show Send SMS ({id})" }).ClickAsync();
            await Expect(page.GetByTestId("properties-panel")).ToContainTextAsync($"(id {id})");

            // The list refuses to switch the draft on, saying why.
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Enable {Booked}" }).ClickAsync();
            await Expect(page.GetByTestId("enable-refused")).ToContainTextAsync("Nothing leads to this activity");

            // The editor works at a phone's width: the canvas scrolls inside itself.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/edit");
            await Expect(node).ToBeAttachedAsync();
            await WorkflowsFixture.ExpectNoSidewaysScrollAsync(page);
            await WorkflowsFixture.ScreenshotAsync(page, "workflow-editor-390.png");
        });

        var saved = await fixture.WorkflowAsync(clinic, Booked);
        Assert.Equal(3, saved.Version);
        Assert.False(saved.Enabled);
        Assert.NotNull(saved.Problems);
    }

    [Fact]
    public async Task RestoreAnEarlierVersion()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        var original = WorkflowDefinition.Parse(workflow.Definition);
        await fixture.InClinicAsync(clinic, async services =>
        {
            var changed = WorkflowDefinition.Parse(workflow.Definition);
            changed.Transitions.RemoveAll(t => t.To == "confirm");
            changed.Activities.RemoveAll(a => a.Id == "confirm");
            return await services.GetRequiredService<WorkflowStore>().SaveAsync(workflow.Id, workflow.Name, workflow.Description, changed, true, "Someone", "No confirmation",
                CancellationToken.None);
        });

        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/versions");
            await Expect(page.Locator("tr[data-version='2']")).ToContainTextAsync("No confirmation");
            await Expect(page.Locator("tr[data-version='2']")).ToContainTextAsync("Someone");
            await page.GetByRole(AriaRole.Link, new() { Name = "Compare version 1 with current" }).ClickAsync();
            await Expect(page.GetByTestId("diff").Locator("[data-diff='removed']").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("diff")).ToContainTextAsync("- ");
            await WorkflowsFixture.ScreenshotAsync(page, "workflow-versions.png");

            await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Restored version 1 as version 3");
            await Expect(page.Locator("tr[data-version='3']")).ToContainTextAsync("Restored version 1");
        });

        var restored = await fixture.WorkflowAsync(clinic, Booked);
        Assert.Equal(3, restored.Version);
        Assert.Equal(original.ToJson(), WorkflowDefinition.Parse(restored.Definition).ToJson());
    }

    [Fact]
    public async Task DrawTheRunsPathWithTheStepsThatRanAndTheConnectionsTaken()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        var runId = await fixture.InClinicAsync(clinic, async services =>
        {
            var db = services.GetRequiredService<WorkflowsDb>();
            var now = DateTimeOffset.UtcNow;
            var run = new WorkflowInstance
            {
                TenantId = clinic.Id, WorkflowTypeId = workflow.Id, WorkflowVersion = 1, WorkflowName = workflow.Name, TriggerKey = "test-" + Guid.NewGuid(),
                TriggerEvent = "appointment.booked", Status = InstanceStatus.Faulted, StepCount = 3, CreatedAt = now, UpdatedAt = now, FinishedAt = now,
            };
            db.Instances.Add(run);
            await db.SaveChangesAsync();
            var start = new WorkflowStep { TenantId = clinic.Id, InstanceId = run.Id, ActivityId = "booked", ActivityType = "appointment.booked", Status = StepStatus.Done, Outcome = "Done", CreatedAt = now };
            db.Steps.Add(start);
            await db.SaveChangesAsync();
            db.Steps.Add(new WorkflowStep { TenantId = clinic.Id, InstanceId = run.Id, ActivityId = "create-meeting", ActivityType = "meetings.create", PreviousStepId = start.Id, Status = StepStatus.Failed, Outcome = "Failed", Error = "The provider refused", Attempts = 3, CreatedAt = now });
            db.Steps.Add(new WorkflowStep { TenantId = clinic.Id, InstanceId = run.Id, ActivityId = "confirm", ActivityType = "notifications.send", PreviousStepId = start.Id, Status = StepStatus.Done, Outcome = "Done", Note = "Sent 2 messages", Attempts = 1, CreatedAt = now });
            await db.SaveChangesAsync();
            return run.Id;
        });

        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/runs");
            await page.Locator($"tr[data-run='{runId}']").GetByRole(AriaRole.Link).Last.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/workflows/runs/{runId}$"));
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("faulted");
            await Expect(page.Locator(".drawflow-node[data-activity-id='booked']")).ToHaveClassAsync(new Regex(@"\bwf-ran\b.*\bwf-status-done\b"));
            await Expect(page.Locator(".drawflow-node[data-activity-id='create-meeting']")).ToHaveClassAsync(new Regex(@"\bwf-status-failed\b"));
            await Expect(page.Locator(".drawflow-node[data-activity-id='confirm']")).ToHaveClassAsync(new Regex(@"\bwf-status-done\b"));
            await Expect(page.Locator("svg.connection.wf-taken")).ToHaveCountAsync(2);
            await Expect(page.Locator("svg.connection.wf-taken[data-from='booked'][data-to='confirm']")).ToHaveCountAsync(1);
            await WorkflowsFixture.ScreenshotAsync(page, "workflow-run.png");
            await Expect(page.GetByTestId("step-log").Locator("tr[data-activity-id='create-meeting']")).ToContainTextAsync("The provider refused");
        });

        // Another clinic's run is not found.
        var other = await fixture.NewClinicAsync();
        await using var otherContext = await fixture.Browser.NewContextAsync(fixture.Host);
        var otherPage = await otherContext.NewPageAsync();
        await WorkflowsFixture.SignInAsync(otherPage, other);
        var response = await otherPage.GotoAsync($"{WorkflowsFixture.PathBase(other)}/admin/workflows/runs/{runId}");
        Assert.Equal(404, response!.Status);
        response = await otherPage.GotoAsync($"{WorkflowsFixture.PathBase(other)}/admin/workflows/{workflow.Id}/edit");
        Assert.Equal(404, response!.Status);

        // Only those who may manage workflows see them: a visitor is sent to sign in, a doctor is turned away.
        var pages = new[] { "/admin/workflows", $"/admin/workflows/{workflow.Id}/edit", $"/admin/workflows/{workflow.Id}/versions", $"/admin/workflows/runs/{runId}" };
        var anonymous = fixture.Host.CreateClient();
        var doctorEmail = $"doctor-{Guid.NewGuid():N}"[..15] + "@clinic.test";
        await fixture.InClinicAsync(clinic, services =>
            services.GetRequiredService<Telemed.Core.Security.IUserDirectory>().CreateAsync(doctorEmail, TestClinics.Password, "Dr Not Admin", [Telemed.Core.Security.Roles.Host]));
        var doctor = await TestClinics.SignInAsync(fixture.Host, WorkflowsFixture.PathBase(clinic), doctorEmail);
        foreach (var path in pages)
        {
            var visitor = await anonymous.GetAsync(WorkflowsFixture.PathBase(clinic) + path);
            Assert.Contains($"{WorkflowsFixture.PathBase(clinic)}/login", visitor.Headers.Location?.ToString() ?? "");
            var turnedAway = await doctor.GetAsync(WorkflowsFixture.PathBase(clinic) + path);
            Assert.Contains($"{WorkflowsFixture.PathBase(clinic)}/access-denied", turnedAway.Headers.Location?.ToString() ?? "");
        }
    }

    [Fact]
    public async Task DryRunTheWorkflowAgainstABookingAndShowTheBookingsRealRun()
    {
        var clinic = await fixture.NewClinicAsync();
        var workflow = await fixture.WorkflowAsync(clinic, Booked);
        var appointmentId = Guid.NewGuid();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero);
        await TestClinics.PublishAsync(fixture.Host, clinic, new AppointmentChanged(appointmentId, AppointmentChange.Booked, "confirmed", Guid.NewGuid(), "Consultation",
            false, "none", 1, Guid.NewGuid(), null, "Dr Real", "Europe/London", start, start.AddMinutes(30), "Riley Real", "riley@patient.test",
            "+447700900123", "Europe/London", null, appointmentId.ToString(), null, 1));
        await Waiting.UntilAsync(() => fixture.InClinicAsync(clinic, services => services.GetRequiredService<WorkflowsDb>().Instances
            .AnyAsync(i => i.AppointmentId == appointmentId && i.WorkflowTypeId == workflow.Id && i.Status == InstanceStatus.Finished)), "the booking's workflow run");

        await using var context = await fixture.Browser.NewContextAsync(fixture.Host);
        var violations = await PolicyViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await violations.AssertNoneAfterAsync(async () =>
        {
            await WorkflowsFixture.SignInAsync(page, clinic);
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/{workflow.Id}/edit");
            await page.GetByLabel("Appointment", new() { Exact = true }).SelectOptionAsync(appointmentId.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
            var steps = page.GetByTestId("dry-run-steps");
            await Expect(steps.Locator("[data-activity-id='booked']")).ToContainTextAsync("Starts the run.");
            await Expect(steps.Locator("[data-activity-id='confirm']")).ToBeVisibleAsync();

            // The real run, from the appointment's runs to its drawn path.
            await page.GotoAsync($"{WorkflowsFixture.PathBase(clinic)}/admin/workflows/runs?appointment={appointmentId}");
            await Expect(page.GetByTestId("runs-appointment")).ToContainTextAsync("Riley Real");
            var row = page.Locator($"tr[data-run]:has-text('{Booked}')");
            await Expect(row).ToHaveAttributeAsync("data-run-status", "finished");
            await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Details") }).ClickAsync();
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("finished");
            await Expect(page.Locator(".drawflow-node[data-activity-id='booked']")).ToHaveClassAsync(new Regex(@"\bwf-ran\b.*\bwf-status-done\b"));
            await Expect(page.Locator(".drawflow-node[data-activity-id='confirm']")).ToHaveClassAsync(new Regex(@"\bwf-ran\b"));
            await Expect(page.Locator("svg.connection.wf-taken[data-from='booked'][data-to='confirm']")).ToHaveCountAsync(1);
        });
    }
}
