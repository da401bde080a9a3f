using System.Text.Json.Nodes;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Workflows;
using Telemed.Workflows.Activities;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Events;

/// <summary>
/// Turns what other modules publish into workflow happenings: the clinic gets its default workflows the first time, the
/// appointment (and its meeting) is kept for the activities, timers are planned, then workflows start and waiting ones resume.
/// </summary>
public sealed class WorkflowTriggers(WorkflowStore store, WorkflowSnapshots snapshots, WorkflowTimers timers, WorkflowEngine engine)
    : IEventSubscriber<AppointmentChanged>, IEventSubscriber<MeetingChanged>, IEventSubscriber<ReminderDue>, IEventSubscriber<HostConnectionLost>
{
    public const string AppointmentKind = "workflows.appointment-changed";
    public const string MeetingKind = "workflows.meeting-changed";
    public const string ReminderKind = "workflows.reminder-due";
    public const string ConnectionKind = "workflows.connection-lost";

    public async Task HandleAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        await store.EnsureSetUpAsync(cancellationToken);
        if (!await snapshots.ApplyAsync(appointment, cancellationToken) || WorkflowEvents.Of(appointment.Change) is not { } name)
        {
            return;
        }
        // One read of the workflows this change may start, now or at a time before or after the appointment.
        var enabled = await engine.EnabledAsync([name, WorkflowEvents.AppointmentTime], cancellationToken);
        await timers.PlanAsync(appointment, cancellationToken, enabled);
        await engine.RaiseAsync(new WorkflowEvent(name, appointment.AppointmentId, $"appointment:{appointment.AppointmentId:N}:v{appointment.Version}:{appointment.Change}")
        {
            Data = new JsonObject { ["change"] = appointment.Change.ToString(), ["version"] = appointment.Version, ["reason"] = appointment.CancellationReason },
        }, cancellationToken, enabled: enabled);
    }

    public async Task HandleAsync(MeetingChanged meeting, CancellationToken cancellationToken)
    {
        await store.EnsureSetUpAsync(cancellationToken);
        var appointmentIds = await snapshots.ApplyAsync(meeting, cancellationToken);
        if (WorkflowEvents.Of(meeting.Change) is not { } name)
        {
            return;
        }
        foreach (var appointmentId in appointmentIds)
        {
            await engine.RaiseAsync(new WorkflowEvent(name, appointmentId, $"meeting:{meeting.MeetingId:N}:v{meeting.Version}:{appointmentId:N}")
            {
                Data = new JsonObject { ["provider"] = meeting.Provider, ["state"] = meeting.State.ToString(), ["reason"] = meeting.Reason },
            }, cancellationToken);
        }
    }

    public async Task HandleAsync(ReminderDue reminder, CancellationToken cancellationToken)
    {
        await store.EnsureSetUpAsync(cancellationToken);
        await engine.RaiseAsync(new WorkflowEvent(WorkflowEvents.ReminderDue, reminder.AppointmentId, $"reminder:{reminder.AppointmentId:N}:{reminder.OffsetMinutes}:{reminder.DueAt.ToUnixTimeSeconds()}")
        {
            Data = new JsonObject { ["offset_minutes"] = reminder.OffsetMinutes, ["due_at"] = reminder.DueAt.ToString("O") },
        }, cancellationToken);
    }

    public async Task HandleAsync(HostConnectionLost lost, CancellationToken cancellationToken)
    {
        await store.EnsureSetUpAsync(cancellationToken);
        await engine.RaiseAsync(new WorkflowEvent(WorkflowEvents.ConnectionLost, null, $"connection-lost:{lost.ConnectionId:N}:{lost.LostAt.ToUnixTimeMilliseconds()}")
        {
            Data = new JsonObject
            {
                ["host_id"] = lost.HostId.ToString(), ["host_name"] = lost.HostName, ["provider"] = lost.Provider, ["provider_name"] = lost.ProviderName, ["reason"] = lost.Reason,
            },
        }, cancellationToken);
    }
}
