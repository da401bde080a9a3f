using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Core.Workflows;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Jobs;

namespace Telemed.Workflows.Engine;

/// <summary>
/// Starts workflows when something happens, resumes the ones waiting for it, and runs each activity as its own job.
/// An activity's outcome, the steps it leads to and their jobs commit in one transaction, so a crash anywhere resumes
/// at the step that was running and no step is recorded twice. Instances run the version they started with.
/// </summary>
public sealed class WorkflowEngine(
    WorkflowsDb db,
    ActivityCatalog catalog,
    WorkflowValidator validator,
    WorkflowExpressions expressions,
    WorkflowSnapshots snapshots,
    WorkflowVersionCache definitions,
    IJobQueue queue,
    TenantContext tenantContext,
    IServiceProvider services,
    IOptions<WorkflowsOptions> options,
    TimeProvider clock,
    ILogger<WorkflowEngine> logger)
{
    /// <summary>Starts the enabled workflows the happening starts (optionally one workflow's one start) and resumes those waiting for it.</summary>
    public async Task<int> RaiseAsync(WorkflowEvent happening, CancellationToken cancellationToken, Guid? onlyWorkflow = null, string? onlyActivity = null,
        IReadOnlyList<WorkflowType>? enabled = null)
    {
        var started = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var types = enabled?.Where(t => t.StartEvents.Contains(happening.Name)).ToList()
            ?? await db.Types.AsNoTracking().Where(t => t.Enabled && t.StartEvents.Contains(happening.Name) && (onlyWorkflow == null || t.Id == onlyWorkflow))
                .OrderBy(t => t.Name).ToListAsync(cancellationToken);
        foreach (var type in types)
        {
            var definition = WorkflowDefinition.Parse(type.Definition);
            var starts = validator.StartActivities(definition)
                .Where(node => (onlyActivity is null || node.Id == onlyActivity) && catalog.Find(node.Type) is WorkflowEventActivity e && e.Matches(happening, new ActivityProperties(node.Properties)))
                .ToList();
            if (starts.Count == 0 || await db.Instances.AnyAsync(i => i.WorkflowTypeId == type.Id && i.TriggerKey == happening.Key, cancellationToken))
            {
                continue;
            }
            var now = clock.GetUtcNow();
            var instance = new WorkflowInstance
            {
                WorkflowTypeId = type.Id, WorkflowVersion = type.Version, WorkflowName = type.Name, AppointmentId = happening.AppointmentId,
                TriggerKey = happening.Key, TriggerEvent = happening.Name, TriggerData = happening.Data.ToJsonString(), CreatedAt = now, UpdatedAt = now,
            };
            db.Instances.Add(instance);
            foreach (var start in starts)
            {
                var step = NewStep(instance, start, catalog.Find(start.Type)!, null, now);
                step.Status = StepStatus.Done;
                step.Outcome = WorkflowActivity.Done;
                step.Note = $"Started by {catalog.Find(start.Type)!.DisplayName.ToLowerInvariant()}.";
                step.StartedAt = step.FinishedAt = now;
                db.Steps.Add(step);
                instance.StepCount++;
                await db.SaveChangesAsync(cancellationToken);
                await FollowAsync(instance, definition, step, WorkflowActivity.Done, transaction, cancellationToken);
            }
            // Every step of a new instance is in hand: its status needs no query.
            var pending = db.ChangeTracker.Entries<WorkflowStep>().Select(e => e.Entity)
                .Where(s => s.InstanceId == instance.Id && s.Status is StepStatus.Queued or StepStatus.Waiting).Select(s => s.Status).ToList();
            if (instance.Status == InstanceStatus.Running)
            {
                instance.Status = pending.Count == 0 ? InstanceStatus.Finished : pending.All(p => p == StepStatus.Waiting) ? InstanceStatus.Waiting : InstanceStatus.Running;
                instance.FinishedAt = pending.Count == 0 ? now : null;
            }
            started++;
        }

        if (happening.AppointmentId is { } appointmentId)
        {
            var waiting = await db.Steps
                .Where(s => s.Status == StepStatus.Waiting && s.WaitingFor == happening.Name
                    && db.Instances.Any(i => i.Id == s.InstanceId && i.AppointmentId == appointmentId && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Waiting)))
                .OrderBy(s => s.Id).ToListAsync(cancellationToken);
            foreach (var step in waiting)
            {
                var instance = await LockInstanceAsync(step.InstanceId, cancellationToken);
                var definition = await DefinitionAsync(instance, cancellationToken);
                if (definition.Find(step.ActivityId) is not { } node || catalog.Find(node.Type) is not WorkflowEventActivity activity
                    || !activity.Matches(happening, new ActivityProperties(node.Properties)))
                {
                    continue;
                }
                step.Status = StepStatus.Done;
                step.Outcome = WorkflowActivity.Done;
                step.Note = $"Resumed: {activity.DisplayName.ToLowerInvariant()}.";
                step.FinishedAt = clock.GetUtcNow();
                step.WaitingFor = null;
                await FollowAsync(instance, definition, step, WorkflowActivity.Done, transaction, cancellationToken);
                await SettleAsync(instance, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return started;
    }

    /// <summary>The enabled workflows that start on any of these happenings, by name.</summary>
    public async Task<IReadOnlyList<WorkflowType>> EnabledAsync(string[] startEvents, CancellationToken cancellationToken) =>
        await db.Types.AsNoTracking().Where(t => t.Enabled && t.StartEvents.Any(e => startEvents.Contains(e))).OrderBy(t => t.Name).ToListAsync(cancellationToken);

    /// <summary>Runs one queued step (the job of <see cref="RunStepJob"/>). A step already run, or of a stopped instance, does nothing.</summary>
    public async Task RunStepAsync(long stepId, JobContext job, CancellationToken cancellationToken)
    {
        var step = await db.Steps.SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        if (step is not { Status: StepStatus.Queued })
        {
            return;
        }
        // Read without tracking: the instance is locked and read again when the step's outcome is written.
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == step.InstanceId, cancellationToken);
        if (instance.Status is InstanceStatus.Halted or InstanceStatus.Faulted or InstanceStatus.Finished)
        {
            step.Status = StepStatus.Skipped;
            step.Note = $"Not run: the run is {instance.Status}.";
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var definition = await DefinitionAsync(instance, cancellationToken);
        var node = definition.Find(step.ActivityId);
        var activity = catalog.Find(step.ActivityType);
        if (node is null || activity is null)
        {
            await FinishAsync(step, instance, definition, null, $"The activity '{step.ActivityType}' is no longer installed.", cancellationToken);
            return;
        }
        if (activity.SendsMessages && instance.AppointmentId is { } appointmentId && await MessagesSentAsync(appointmentId, cancellationToken) >= options.Value.MaxMessagesPerAppointment)
        {
            await HaltAsync(step, instance, $"Stopped: workflows have already sent {options.Value.MaxMessagesPerAppointment} messages about this appointment, the clinic's limit.", cancellationToken);
            return;
        }

        var (appointment, meeting) = await snapshots.FindAsync(instance.AppointmentId, cancellationToken);
        var trigger = TriggerOf(instance);
        // Written with the outcome (or the error): a crash mid-step leaves the step queued for its job's next attempt.
        step.Attempts = job.Attempt;
        step.StartedAt ??= clock.GetUtcNow();

        ActivityResult? result;
        string? error = null;
        try
        {
            result = await activity.ExecuteAsync(Context(instance.Id, step.Id, node, appointment, meeting, trigger, dryRun: false, job.Attempt, job.MaxAttempts), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = exception is Liquid.LiquidException liquid ? liquid.Message : exception.GetBaseException().Message;
            if (job.Attempt < job.MaxAttempts && exception is not PermanentJobFailureException and not Liquid.LiquidException)
            {
                step.Error = $"Attempt {job.Attempt} of {job.MaxAttempts}: {error}";
                await db.SaveChangesAsync(CancellationToken.None);
                logger.LogWarning("Workflow step {Step} ({Type}) failed, will retry: {Error}", step.Id, step.ActivityType, error);
                throw;
            }
            result = activity.Outcomes.Contains(WorkflowActivity.Failed) ? ActivityResult.Outcome(WorkflowActivity.Failed) : null;
        }
        await FinishAsync(step, instance, definition, result, error, cancellationToken);
    }

    /// <summary>A delay's time has come (the job of <see cref="ResumeStepJob"/>): the step goes on with Done.</summary>
    public async Task ResumeAfterDelayAsync(long stepId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var step = await db.Steps.SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        if (step is not { Status: StepStatus.Waiting, WaitUntil: not null })
        {
            return;
        }
        var instance = await LockInstanceAsync(step.InstanceId, cancellationToken);
        if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Waiting))
        {
            return;
        }
        step.Status = StepStatus.Done;
        step.Outcome = WorkflowActivity.Done;
        step.FinishedAt = clock.GetUtcNow();
        await FollowAsync(instance, await DefinitionAsync(instance, cancellationToken), step, WorkflowActivity.Done, transaction, cancellationToken);
        await SettleAsync(instance, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Builds the context an activity runs with, for real or for a dry run.</summary>
    internal ActivityContext Context(Guid instanceId, long stepId, ActivityNode node, AppointmentChanged? appointment, MeetingChanged? meeting,
        WorkflowEvent trigger, bool dryRun, int attempt = 1, int maxAttempts = 1) => new()
    {
        InstanceId = instanceId,
        StepId = stepId,
        ActivityId = node.Id,
        Properties = new ActivityProperties(node.Properties),
        Appointment = appointment,
        Meeting = meeting,
        Trigger = trigger,
        Services = services,
        DryRun = dryRun,
        Attempt = attempt,
        MaxAttempts = maxAttempts,
        Render = template => expressions.Render(template, appointment, meeting, trigger),
        Evaluate = condition => expressions.Evaluate(condition, appointment, meeting, trigger),
    };

    internal static WorkflowEvent TriggerOf(WorkflowInstance instance) =>
        new(instance.TriggerEvent, instance.AppointmentId, instance.TriggerKey) { Data = JsonNode.Parse(instance.TriggerData) as JsonObject ?? [] };

    /// <summary>The graph of the version an instance runs; versions never change, so each is read once per node.</summary>
    internal Task<WorkflowDefinition> DefinitionAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        definitions.GetAsync(instance.WorkflowTypeId, instance.WorkflowVersion, async () =>
            await db.Versions.Where(v => v.WorkflowTypeId == instance.WorkflowTypeId && v.Version == instance.WorkflowVersion)
                .Select(v => v.Definition).SingleAsync(cancellationToken));

    private async Task FinishAsync(WorkflowStep step, WorkflowInstance read, WorkflowDefinition definition, ActivityResult? result, string? error, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var instance = await LockInstanceAsync(read.Id, cancellationToken);
        var now = clock.GetUtcNow();
        step.Error = error;
        step.Note = result?.Note ?? step.Note;
        if (result is null)
        {
            step.Status = StepStatus.Failed;
            step.FinishedAt = now;
            instance.Status = InstanceStatus.Faulted;
            instance.HaltReason = $"{step.ActivityType} failed: {error}";
            instance.FinishedAt = instance.UpdatedAt = now;
            await SkipPendingAsync(instance.Id, cancellationToken);
        }
        else if (result.WaitUntil is { } until)
        {
            step.Status = StepStatus.Waiting;
            step.WaitUntil = until;
            step.WaitingFor = "time";
            await queue.EnqueueAsync(ResumeStepJob.Request(tenantContext.Required.Id, step.Id, until), db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
            await SettleAsync(instance, cancellationToken);
        }
        else
        {
            step.Outcome = result.OutcomeName;
            step.Status = result.OutcomeName == WorkflowActivity.Failed ? StepStatus.Failed : StepStatus.Done;
            step.FinishedAt = now;
            await FollowAsync(instance, definition, step, result.OutcomeName!, transaction, cancellationToken);
            await SettleAsync(instance, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds the steps an outcome leads to: task steps are queued as jobs, event steps wait for their happening.</summary>
    private async Task FollowAsync(WorkflowInstance instance, WorkflowDefinition definition, WorkflowStep from, string outcome,
        IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = new List<WorkflowStep>();
        foreach (var transition in definition.From(from.ActivityId, outcome))
        {
            if (definition.Find(transition.To) is not { } node || catalog.Find(node.Type) is not { } activity)
            {
                continue;
            }
            var step = NewStep(instance, node, activity, from.Id, now);
            if (instance.StepCount >= options.Value.MaxStepsPerInstance)
            {
                step.Status = StepStatus.Skipped;
                step.Note = "Not run: the run reached its limit of steps.";
                instance.Status = InstanceStatus.Halted;
                instance.HaltReason = $"Stopped after {options.Value.MaxStepsPerInstance} activities, the limit for one run.";
                instance.FinishedAt = now;
            }
            else if (activity.Kind == ActivityKind.Event)
            {
                step.Status = StepStatus.Waiting;
                step.WaitingFor = node.Type;
                instance.StepCount++;
            }
            else
            {
                queued.Add(step);
                instance.StepCount++;
            }
            db.Steps.Add(step);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (queued.Count > 0)
        {
            await queue.EnqueueManyAsync(queued.Select(s => RunStepJob.Request(tenantContext.Required.Id, s.Id, options.Value.MaxActivityAttempts)).ToList(),
                db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
        }
    }

    /// <summary>Sets the instance's status from its steps: finished when none is queued or waiting.</summary>
    private async Task SettleAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        instance.UpdatedAt = now;
        if (instance.Status is InstanceStatus.Halted or InstanceStatus.Faulted)
        {
            await SkipPendingAsync(instance.Id, cancellationToken);
            return;
        }
        var pending = await db.Steps.Where(s => s.InstanceId == instance.Id && (s.Status == StepStatus.Queued || s.Status == StepStatus.Waiting))
            .Select(s => s.Status).ToListAsync(cancellationToken);
        instance.Status = pending.Count == 0 ? InstanceStatus.Finished
            : pending.All(s => s == StepStatus.Waiting) ? InstanceStatus.Waiting : InstanceStatus.Running;
        instance.FinishedAt = pending.Count == 0 ? now : null;
    }

    private async Task HaltAsync(WorkflowStep step, WorkflowInstance read, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var instance = await LockInstanceAsync(read.Id, cancellationToken);
        var now = clock.GetUtcNow();
        step.Status = StepStatus.Skipped;
        step.Note = reason;
        instance.Status = InstanceStatus.Halted;
        instance.HaltReason = reason;
        instance.FinishedAt = instance.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await SkipPendingAsync(instance.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Workflow run {Instance} ({Workflow}) halted: {Reason}", instance.Id, instance.WorkflowName, reason);
    }

    private Task SkipPendingAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.Steps.Where(s => s.InstanceId == instanceId && (s.Status == StepStatus.Queued || s.Status == StepStatus.Waiting))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, StepStatus.Skipped).SetProperty(s => s.Note, "Not run: the run was stopped."), cancellationToken);

    private Task<int> MessagesSentAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        db.Steps.CountAsync(s => s.SendsMessages && s.Status == StepStatus.Done
            && db.Instances.Any(i => i.Id == s.InstanceId && i.AppointmentId == appointmentId), cancellationToken);

    /// <summary>Serialises the steps of one instance that finish at once (two branches), so its count and status stay right.</summary>
    private Task<WorkflowInstance> LockInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.Instances.FromSql($"SELECT * FROM workflow_instances WHERE id = {instanceId} FOR UPDATE").SingleAsync(cancellationToken);

    private static WorkflowStep NewStep(WorkflowInstance instance, ActivityNode node, WorkflowActivity activity, long? previous, DateTimeOffset now) => new()
    {
        InstanceId = instance.Id,
        ActivityId = node.Id,
        ActivityType = node.Type,
        PreviousStepId = previous,
        SendsMessages = activity.SendsMessages,
        Input = node.Properties.ToJsonString(),
        CreatedAt = now,
    };
}
