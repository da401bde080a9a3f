using System.Text.Json;
using Telemed.Core.Jobs;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Jobs;

/// <summary>Runs one step of a workflow run; retried (then its Failed outcome) when the activity throws.</summary>
public sealed class RunStepJob(WorkflowEngine engine) : IJobHandler
{
    public const string Kind = "workflows.step";

    public sealed record Payload(long StepId);

    public static JobRequest Request(Guid tenantId, long stepId, int maxAttempts) =>
        new(Kind, JsonSerializer.Serialize(new Payload(stepId))) { TenantId = tenantId, UniqueKey = $"wf-step:{stepId}", MaxAttempts = maxAttempts };

    public Task ExecuteAsync(JobContext job, CancellationToken cancellationToken) =>
        engine.RunStepAsync(JsonSerializer.Deserialize<Payload>(job.PayloadJson)!.StepId, job, cancellationToken);
}

/// <summary>Goes on after a delay.</summary>
public sealed class ResumeStepJob(WorkflowEngine engine) : IJobHandler
{
    public const string Kind = "workflows.resume";

    public static JobRequest Request(Guid tenantId, long stepId, DateTimeOffset at) =>
        new(Kind, JsonSerializer.Serialize(new RunStepJob.Payload(stepId))) { TenantId = tenantId, RunAt = at, UniqueKey = $"wf-resume:{stepId}" };

    public Task ExecuteAsync(JobContext job, CancellationToken cancellationToken) =>
        engine.ResumeAfterDelayAsync(JsonSerializer.Deserialize<RunStepJob.Payload>(job.PayloadJson)!.StepId, cancellationToken);
}
