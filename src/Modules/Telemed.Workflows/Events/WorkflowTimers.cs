using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Core.Workflows;
using Telemed.Workflows.Activities;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Events;

/// <summary>
/// Plans the "time before start / after end" starts of a confirmed appointment as scheduled jobs. When one comes due it
/// starts its workflow only if the appointment still has that time (a moved appointment has new timers; a cancelled one none).
/// </summary>
public sealed class WorkflowTimers(WorkflowsDb db, WorkflowValidator validator, IJobQueue queue, TenantContext tenantContext, TimeProvider clock)
{
    /// <param name="enabled">The clinic's enabled workflows, when the caller has them.</param>
    public async Task PlanAsync(AppointmentChanged appointment, CancellationToken cancellationToken, IReadOnlyList<WorkflowType>? enabled = null)
    {
        if (appointment.Status != "confirmed")
        {
            return;
        }
        var types = enabled?.Where(t => t.StartEvents.Contains(WorkflowEvents.AppointmentTime)).ToList()
            ?? await db.Types.AsNoTracking().Where(t => t.Enabled && t.StartEvents.Contains(WorkflowEvents.AppointmentTime)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var jobs = new List<JobRequest>();
        foreach (var type in types)
        {
            foreach (var start in validator.StartActivities(WorkflowDefinition.Parse(type.Definition)).Where(n => n.Type == WorkflowEvents.AppointmentTime))
            {
                var due = AppointmentTimeEvent.DueAt(appointment, new ActivityProperties(start.Properties));
                if (due > now)
                {
                    jobs.Add(AppointmentTimerJob.Request(tenantContext.Required.Id, new(type.Id, start.Id, appointment.AppointmentId, due)));
                }
            }
        }
        if (jobs.Count > 0)
        {
            await queue.EnqueueManyAsync(jobs, cancellationToken: cancellationToken);
        }
    }
}

/// <summary>A planned "time before start / after end" has come.</summary>
public sealed class AppointmentTimerJob(WorkflowsDb db, WorkflowEngine engine) : IJobHandler
{
    public const string Kind = "workflows.timer";

    public sealed record Payload(Guid WorkflowTypeId, string ActivityId, Guid AppointmentId, DateTimeOffset DueAt);

    public static JobRequest Request(Guid tenantId, Payload payload) => new(Kind, JsonSerializer.Serialize(payload))
    {
        TenantId = tenantId, RunAt = payload.DueAt, UniqueKey = $"wf-time:{payload.WorkflowTypeId:N}:{payload.ActivityId}:{payload.AppointmentId:N}:{payload.DueAt.ToUnixTimeSeconds()}",
    };

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.PayloadJson)!;
        var row = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == payload.AppointmentId, cancellationToken);
        var type = await db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Id == payload.WorkflowTypeId, cancellationToken);
        var start = type is null ? null : WorkflowDefinition.Parse(type.Definition).Find(payload.ActivityId);
        if (row is null || start is null || (row.Status != "confirmed" && row.Status != "completed"))
        {
            return;
        }
        var due = AppointmentTimeEvent.DueAt(WorkflowSnapshots.Read(row), new ActivityProperties(start.Properties));
        if ((due - payload.DueAt).Duration() >= TimeSpan.FromSeconds(1))
        {
            return;
        }
        await engine.RaiseAsync(new WorkflowEvent(WorkflowEvents.AppointmentTime, payload.AppointmentId, $"time:{payload.ActivityId}:{payload.AppointmentId:N}:{due.ToUnixTimeSeconds()}")
        {
            Data = new() { ["due_at"] = due.ToString("O") },
        }, cancellationToken, payload.WorkflowTypeId, payload.ActivityId);
    }
}
