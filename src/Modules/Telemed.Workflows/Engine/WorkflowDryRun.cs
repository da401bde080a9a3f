using Telemed.Core.Workflows;
using Telemed.Workflows.Definitions;

namespace Telemed.Workflows.Engine;

/// <summary>One activity of a dry run: what it would do and the outcome it would take.</summary>
public sealed record DryRunStep(string ActivityId, string ActivityName, string? Outcome, string? Note, string? Error);

/// <summary>
/// Walks a workflow against a chosen appointment, as its start event would, with every activity in dry-run mode: no
/// provider is called, nothing is sent or changed. Waits are reported and passed; an event to wait for ends the branch.
/// </summary>
public sealed class WorkflowDryRun(WorkflowEngine engine, ActivityCatalog catalog, WorkflowValidator validator, WorkflowSnapshots snapshots)
{
    public const int MaxSteps = 60;

    public async Task<IReadOnlyList<DryRunStep>> RunAsync(WorkflowDefinition definition, Guid appointmentId, CancellationToken cancellationToken)
    {
        var (appointment, meeting) = await snapshots.FindAsync(appointmentId, cancellationToken);
        var steps = new List<DryRunStep>();
        var starts = validator.StartActivities(definition).ToList();
        var queue = new Queue<(ActivityNode Node, WorkflowEvent Trigger)>();
        foreach (var start in starts)
        {
            var trigger = new WorkflowEvent(start.Type, appointmentId, "dry-run");
            steps.Add(new(start.Id, NameOf(start), WorkflowActivity.Done, "Starts the run.", null));
            foreach (var next in definition.From(start.Id, WorkflowActivity.Done))
            {
                Enqueue(next.To, trigger);
            }
        }
        while (queue.TryDequeue(out var item) && steps.Count < MaxSteps)
        {
            var (node, trigger) = item;
            var activity = catalog.Find(node.Type);
            if (activity is null)
            {
                steps.Add(new(node.Id, node.Type, null, null, "This activity is not installed."));
                continue;
            }
            if (activity.Kind == ActivityKind.Event)
            {
                steps.Add(new(node.Id, activity.DisplayName, null, $"Would wait for: {activity.DisplayName.ToLowerInvariant()}.", null));
                continue;
            }
            string outcome;
            string? note = null, error = null;
            try
            {
                var result = await activity.ExecuteAsync(engine.Context(Guid.Empty, 0, node, appointment, meeting, trigger, dryRun: true), cancellationToken);
                outcome = result.OutcomeName ?? WorkflowActivity.Done;
                note = result.WaitUntil is { } until ? $"Would wait until {until:u}, then go on." : result.Note;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                error = exception.GetBaseException().Message;
                outcome = activity.Outcomes.Contains(WorkflowActivity.Failed) ? WorkflowActivity.Failed : "";
            }
            steps.Add(new(node.Id, activity.DisplayName, outcome.Length > 0 ? outcome : null, note, error));
            foreach (var next in definition.From(node.Id, outcome))
            {
                Enqueue(next.To, trigger);
            }
        }
        return steps;

        void Enqueue(string id, WorkflowEvent trigger)
        {
            if (definition.Find(id) is { } node)
            {
                queue.Enqueue((node, trigger));
            }
        }
    }

    private string NameOf(ActivityNode node) => catalog.Find(node.Type)?.DisplayName ?? node.Type;
}
