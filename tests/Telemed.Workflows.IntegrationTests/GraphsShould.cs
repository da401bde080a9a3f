using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.IntegrationTests;

/// <summary>Invalid graphs kept as drafts, versions and restore, and the limits on runaway workflows.</summary>
public sealed class GraphsShould(WorkflowHostFixture fixture) : IClassFixture<WorkflowHostFixture>
{
    [Theory]
    [InlineData("""{ "name": "x", "activities": [ { "id": "mail", "type": "notifications.notify-staff", "properties": { "subject": "a", "body": "b" } } ], "transitions": [] }""",
        null, "needs a start event")]
    [InlineData("""{ "name": "x", "activities": [ { "id": "booked", "type": "appointment.booked" }, { "id": "lonely", "type": "meetings.create" } ], "transitions": [] }""",
        "lonely", "Nothing leads to this activity")]
    [InlineData("""
        { "name": "x", "activities": [ { "id": "booked", "type": "appointment.booked" },
            { "id": "a", "type": "workflows.if", "properties": { "condition": "true" } }, { "id": "b", "type": "workflows.if", "properties": { "condition": "true" } } ],
          "transitions": [ { "from": "booked", "outcome": "Done", "to": "a" }, { "from": "a", "outcome": "True", "to": "b" }, { "from": "b", "outcome": "True", "to": "a" } ] }
        """, "a", "loop with no delay")]
    [InlineData("""
        { "name": "x", "activities": [ { "id": "booked", "type": "appointment.booked" },
            { "id": "mail", "type": "notifications.email", "properties": { "to": "patient", "subject": "Hi", "body": "Line one\n{% if patient.name %}oops" } } ],
          "transitions": [ { "from": "booked", "outcome": "Done", "to": "mail" } ] }
        """, "mail", "Line 2, column")]
    [InlineData("""
        { "name": "x", "activities": [ { "id": "booked", "type": "appointment.booked" }, { "id": "meet", "type": "meetings.create" } ],
          "transitions": [ { "from": "booked", "outcome": "Sideways", "to": "meet" } ] }
        """, "booked", "has no outcome 'Sideways'")]
    [InlineData("""
        { "name": "x", "activities": [ { "id": "booked", "type": "appointment.booked" }, { "id": "teleport", "type": "star.trek" } ],
          "transitions": [ { "from": "booked", "outcome": "Done", "to": "teleport" } ] }
        """, "teleport", "not an activity this product knows")]
    [InlineData("""
        { "name": "x", "activities": [ { "id": "booked", "type": "appointment.booked" }, { "id": "wait", "type": "workflows.delay", "properties": { "minutes": "-5" } } ],
          "transitions": [ { "from": "booked", "outcome": "Done", "to": "wait" } ] }
        """, "wait", "Minutes must be between")]
    [InlineData("""
        { "name": "x", "activities": [ { "id": "booked", "type": "appointment.booked" }, { "id": "later", "type": "appointment.time", "properties": { "minutes": "60" } } ],
          "transitions": [ { "from": "booked", "outcome": "Done", "to": "later" } ] }
        """, "later", "can only start a workflow")]
    public async Task KeepAnInvalidGraphAsADisabledDraftWithTheReasonOnTheActivity(string json, string? activityId, string problem)
    {
        var clinic = await fixture.ClinicAsync();
        var saved = await fixture.AddWorkflowAsync(clinic, json, enabled: true);

        Assert.False(saved.Enabled);
        Assert.Contains(saved.Problems, p => p.ActivityId == activityId && p.Message.Contains(problem, StringComparison.Ordinal));
        var refused = await fixture.InClinicAsync(clinic, services => services.GetRequiredService<WorkflowStore>().SetEnabledAsync(saved.Id, true, "test", CancellationToken.None));
        Assert.Contains(refused, p => p.Message.Contains(problem, StringComparison.Ordinal));
        var stored = await fixture.InClinicAsync(clinic, services => services.GetRequiredService<WorkflowStore>().FindAsync(saved.Id, CancellationToken.None));
        Assert.False(stored!.Enabled);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task AcceptALoopThatWaits()
    {
        var clinic = await fixture.ClinicAsync();
        var saved = await fixture.AddWorkflowAsync(clinic, LoopWithDelay("0"));
        Assert.True(saved.Enabled, string.Join("; ", saved.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task KeepEveryVersionWithItsAuthorAndRestoreAnEarlierOne()
    {
        var clinic = await fixture.ClinicAsync();
        var first = await fixture.AddWorkflowAsync(clinic, """
            { "name": "Versioned", "activities": [ { "id": "booked", "type": "appointment.booked" },
                { "id": "mail", "type": "notifications.notify-staff", "properties": { "subject": "First", "body": "." } } ],
              "transitions": [ { "from": "booked", "outcome": "Done", "to": "mail" } ] }
            """);
        var (versions, restored, current) = await fixture.InClinicAsync(clinic, async services =>
        {
            var store = services.GetRequiredService<WorkflowStore>();
            var type = (await store.FindAsync(first.Id, CancellationToken.None))!;
            var definition = WorkflowDefinition.Parse(type.Definition);
            definition.Find("mail")!.Properties["subject"] = "Second";
            var second = await store.SaveAsync(first.Id, "Versioned", null, definition, null, "Ada Admin", "Changed the subject", CancellationToken.None);
            Assert.Equal(2, second!.Version);
            var restored = await store.RestoreAsync(first.Id, 1, "Bo Admin", CancellationToken.None);
            return (await store.VersionsAsync(first.Id, CancellationToken.None), restored, await store.FindAsync(first.Id, CancellationToken.None));
        });

        Assert.Equal([3, 2, 1], versions.Select(v => v.Version));
        Assert.Equal(["Bo Admin", "Ada Admin", "test"], versions.Select(v => v.SavedBy));
        Assert.Equal("Restored version 1", versions[0].Note);
        Assert.All(versions, v => Assert.True(v.SavedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(3, restored!.Version);
        Assert.True(current!.Enabled);
        Assert.Equal("First", WorkflowDefinition.Parse(current.Definition).Find("mail")!.Properties["subject"]!.ToString());
        Assert.Equal(versions[2].Definition.Replace(" ", ""), versions[0].Definition.Replace(" ", ""));
    }

    [Fact]
    public async Task RunTheVersionARunStartedWithEvenAfterAnEdit()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, """
            { "name": "Pinned", "activities": [ { "id": "booked", "type": "appointment.booked" },
                { "id": "wait", "type": "workflows.delay", "properties": { "minutes": "60" } },
                { "id": "mail", "type": "notifications.email", "properties": { "to": "address", "address": "pinned@clinic.test", "subject": "Version one", "body": "." } } ],
              "transitions": [ { "from": "booked", "outcome": "Done", "to": "wait" }, { "from": "wait", "outcome": "Done", "to": "mail" } ] }
            """);
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(3), 1));
        await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId, InstanceStatus.Waiting);

        await fixture.InClinicAsync(clinic, async services =>
        {
            var store = services.GetRequiredService<WorkflowStore>();
            var definition = WorkflowDefinition.Parse((await store.FindAsync(workflow.Id, CancellationToken.None))!.Definition);
            definition.Find("mail")!.Properties["subject"] = "Version two";
            return await store.SaveAsync(workflow.Id, "Pinned", null, definition, null, "Ada Admin", null, CancellationToken.None);
        });
        await fixture.BringForwardAsync(clinic, "workflows.resume");
        var (run, _) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId);
        Assert.Equal(1, run.WorkflowVersion);
        await Waiting.UntilAsync(() => fixture.Smtp.To("pinned@clinic.test").Any(), "the e-mail");
        Assert.Equal("Version one", Assert.Single(fixture.Smtp.To("pinned@clinic.test")).Subject);
    }

    [Fact]
    public async Task HaltARunThatWouldSendMoreMessagesThanTheCapAndSayWhy()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var activities = string.Join(",", Enumerable.Range(1, WorkflowHostFixture.MessageCap + 1).Select(i =>
            $$"""{ "id": "m{{i}}", "type": "notifications.notify-staff", "properties": { "subject": "Message {{i}}", "body": "." } }"""));
        var transitions = string.Join(",", Enumerable.Range(1, WorkflowHostFixture.MessageCap + 1).Select(i =>
            $$"""{ "from": "{{(i == 1 ? "booked" : $"m{i - 1}")}}", "outcome": "Done", "to": "m{{i}}" }"""));
        var workflow = await fixture.AddWorkflowAsync(clinic, $$"""
            { "name": "Chatty", "activities": [ { "id": "booked", "type": "appointment.booked" }, {{activities}} ], "transitions": [ {{transitions}} ] }
            """);
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(3), 1));

        var (run, steps) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId, InstanceStatus.Halted);
        Assert.Contains($"already sent {WorkflowHostFixture.MessageCap} messages", run.HaltReason);
        Assert.Equal(WorkflowHostFixture.MessageCap, steps.Count(s => s.Status == StepStatus.Done && s.SendsMessages));
        Assert.Equal(StepStatus.Skipped, steps.Last().Status);
        Assert.Equal(WorkflowHostFixture.MessageCap, (await fixture.MessagesAsync(clinic)).Count(m => m.AppointmentId == appointmentId));
    }

    [Fact]
    public async Task HaltARunThatLoopsPastTheStepLimit()
    {
        var clinic = await fixture.ClinicAsync();
        await fixture.DisableDefaultsAsync(clinic);
        var workflow = await fixture.AddWorkflowAsync(clinic, LoopWithDelay("0"));
        var appointmentId = Guid.NewGuid();
        await fixture.PublishAsync(clinic, WorkflowHostFixture.Appointment(appointmentId, AppointmentChange.Booked, DateTimeOffset.UtcNow.AddDays(3), 1));

        var (run, steps) = await fixture.SettledRunAsync(clinic, workflow.Id, appointmentId, InstanceStatus.Halted);
        Assert.Equal($"Stopped after {WorkflowHostFixture.StepCap} activities, the limit for one run.", run.HaltReason);
        Assert.Equal(WorkflowHostFixture.StepCap, steps.Count(s => s.Status == StepStatus.Done));
    }

    [Fact]
    public async Task KeepOneClinicsWorkflowsFromAnother()
    {
        var clinic = await fixture.ClinicAsync();
        var other = await fixture.ClinicAsync();
        var mine = await fixture.AddWorkflowAsync(clinic, LoopWithDelay("5"));
        var seen = await fixture.InClinicAsync(other, async services =>
        {
            var store = services.GetRequiredService<WorkflowStore>();
            return (await store.FindAsync(mine.Id, CancellationToken.None), await store.SetEnabledAsync(mine.Id, false, "intruder", CancellationToken.None),
                await store.DeleteAsync(mine.Id, CancellationToken.None));
        });
        Assert.Null(seen.Item1);
        Assert.Contains(seen.Item2, p => p.Message == "There is no such workflow.");
        Assert.False(seen.Item3);
        Assert.NotNull(await fixture.InClinicAsync(clinic, services => services.GetRequiredService<WorkflowStore>().FindAsync(mine.Id, CancellationToken.None)));
    }

    private static string LoopWithDelay(string minutes) => $$"""
        { "name": "Loop", "activities": [ { "id": "booked", "type": "appointment.booked" },
            { "id": "wait", "type": "workflows.delay", "properties": { "minutes": "{{minutes}}" } },
            { "id": "again", "type": "workflows.if", "properties": { "condition": "true" } } ],
          "transitions": [ { "from": "booked", "outcome": "Done", "to": "wait" }, { "from": "wait", "outcome": "Done", "to": "again" }, { "from": "again", "outcome": "True", "to": "wait" } ] }
        """;
}
