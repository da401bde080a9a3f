using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Workflows.Data;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Workflows.BrowserTests;

/// <summary>A run's drawn path and step log, the dry run, and who may see them.</summary>
[Collection(WorkflowsCollection.Name)]
public sealed class WorkflowRunsShould(WorkflowsFixture fixture)
{
    private const string Booked = WorkflowsFixture.BookedWorkflow;

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
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Failed");
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
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Finished");
            await Expect(page.Locator(".drawflow-node[data-activity-id='booked']")).ToHaveClassAsync(new Regex(@"\bwf-ran\b.*\bwf-status-done\b"));
            await Expect(page.Locator(".drawflow-node[data-activity-id='confirm']")).ToHaveClassAsync(new Regex(@"\bwf-ran\b"));
            await Expect(page.Locator("svg.connection.wf-taken[data-from='booked'][data-to='confirm']")).ToHaveCountAsync(1);
        });
    }
}
