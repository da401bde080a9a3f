using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Messaging;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.IntegrationTests;

/// <summary>A worker process killed while a step is talking to the outside world: the run resumes on another node and nothing happens twice.</summary>
public sealed class CrashResumeShould
{
    [Fact]
    public async Task ResumeARunOnAnotherNodeAfterItsWorkerIsKilledMidStep()
    {
        var database = await TestPostgres.CreateDatabaseAsync("wfkill");
        // This node provisions, publishes and looks; it runs no jobs.
        await using var observer = await TestHost.StartAsync(new Dictionary<string, string?> { ["Jobs:Workers"] = "0" }, database);
        var clinic = await TestClinics.ProvisionAsync(observer, "wfk");
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var receiver = new RecordingReceiver(HttpStatusCode.OK) { HoldFirst = hold };
        var workflow = await observer.InTenantAsync(clinic, async services =>
        {
            var store = services.GetRequiredService<WorkflowStore>();
            await store.EnsureSetUpAsync(CancellationToken.None);
            foreach (var type in await store.ListAsync(CancellationToken.None))
            {
                await store.SetEnabledAsync(type.Id, false, "test", CancellationToken.None);
            }
            return await store.CreateAsync(WorkflowStore.ParseDocument($$$"""
                { "name": "Tell the EHR, then the staff", "enabled": true, "activities": [
                    { "id": "booked", "type": "appointment.booked" },
                    { "id": "call", "type": "workflows.http", "properties": { "url": "{{{receiver.Url}}}booked", "body": "{ \"id\": \"{{ appointment.id }}\" }" } },
                    { "id": "tell", "type": "notifications.notify-staff", "properties": { "subject": "EHR told about {{ patient.name }}", "body": "." } } ],
                  "transitions": [ { "from": "booked", "outcome": "Done", "to": "call" }, { "from": "call", "outcome": "Done", "to": "tell" } ] }
                """), "test", "Added by the test", CancellationToken.None);
        });

        var node = new Dictionary<string, string>
        {
            ["Jobs:Workers"] = "2", ["Jobs:Lease"] = "00:00:02", ["Workflows:AllowPrivateHttpTargets"] = "true", ["Workflows:HttpTimeoutSeconds"] = "60",
        };
        await using var doomed = HostProcess.Start(database, node);
        await doomed.WaitUntilHealthyAsync();
        var appointmentId = Guid.NewGuid();
        await TestClinics.PublishAsync(observer, clinic,
            new AppointmentChanged(appointmentId, AppointmentChange.Booked, "confirmed", Guid.NewGuid(), "Consultation", false, "none", 1, Guid.NewGuid(), null,
                "Dr Host", "Europe/London", DateTimeOffset.UtcNow.AddDays(3), DateTimeOffset.UtcNow.AddDays(3).AddMinutes(30), "Pat Patient", "pat@patient.test",
                null, null, null, appointmentId.ToString(), null, 1));

        // The step is mid-call when its node dies.
        await receiver.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        doomed.Kill();
        hold.TrySetResult();
        await using var survivor = HostProcess.Start(database, node);
        await survivor.WaitUntilHealthyAsync();

        var (run, steps) = await Waiting.ForAsync(() => observer.InTenantAsync(clinic, async services =>
            {
                var db = services.GetRequiredService<WorkflowsDb>();
                var run = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.WorkflowTypeId == workflow.Id);
                return (run, run is null ? [] : await db.Steps.AsNoTracking().Where(s => s.InstanceId == run.Id).OrderBy(s => s.Id).ToListAsync());
            }), r => r.run?.Status == InstanceStatus.Finished, r => $"{r.run?.Status}: {string.Join(", ", r.Item2.Select(s => $"{s.ActivityId}={s.Status} x{s.Attempts} {s.Error}"))}",
            "the run to finish on the surviving node", TimeSpan.FromSeconds(120));

        Assert.Equal(["booked", "call", "tell"], steps.Select(s => s.ActivityId));
        Assert.All(steps, s => Assert.Equal(StepStatus.Done, s.Status));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.IdempotencyKey).Distinct());
        var messages = await observer.InTenantAsync(clinic, services => services.GetRequiredService<MessageLog>().ListAsync(100));
        Assert.Single(messages, m => m.Subject == "EHR told about Pat Patient");
        Assert.Single(await observer.InTenantAsync(clinic, services => services.GetRequiredService<WorkflowsDb>().Instances.AsNoTracking().Where(i => i.AppointmentId == appointmentId).ToListAsync()));
        Assert.Equal(run.Id, steps[0].InstanceId);
    }
}
