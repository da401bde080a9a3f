using Telemed.Core.Workflows;
using Telemed.Liquid;
using Telemed.Workflows.Definitions;

namespace Telemed.Workflows.Engine;

/// <summary>A reason a graph cannot run, on the activity (or property) it is about.</summary>
public sealed record WorkflowProblem(string? ActivityId, string Message, string? Property = null);

/// <summary>
/// Checks a graph before it may be enabled: a start event, known activities and outcomes, every activity reachable,
/// no cycle that could spin without waiting, required properties, and Liquid that parses (with line and column).
/// An invalid graph can still be saved as a draft.
/// </summary>
public sealed class WorkflowValidator(ActivityCatalog catalog, ILiquidEngine liquid)
{
    public const int MaxActivities = 60;

    public IReadOnlyList<WorkflowProblem> Validate(WorkflowDefinition definition)
    {
        var problems = new List<WorkflowProblem>();
        if (definition.Activities.Count > MaxActivities)
        {
            problems.Add(new(null, $"A workflow can have at most {MaxActivities} activities."));
        }
        foreach (var duplicate in definition.Activities.GroupBy(a => a.Id).Where(g => g.Count() > 1 || string.IsNullOrWhiteSpace(g.Key)))
        {
            problems.Add(new(duplicate.Key, "Each activity needs its own id."));
        }
        var nodes = definition.Activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var node in definition.Activities)
        {
            if (catalog.Find(node.Type) is not { } activity)
            {
                problems.Add(new(node.Id, $"'{node.Type}' is not an activity this product knows."));
                continue;
            }
            problems.AddRange(CheckProperties(node, activity));
        }
        foreach (var transition in definition.Transitions)
        {
            if (!nodes.TryGetValue(transition.From, out var from) || !nodes.ContainsKey(transition.To))
            {
                problems.Add(new(nodes.ContainsKey(transition.From) ? transition.From : null, "A connection points at an activity that is not in the workflow."));
            }
            else if (catalog.Find(from.Type) is { } activity && !activity.Outcomes.Contains(transition.Outcome, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new(from.Id, $"'{activity.DisplayName}' has no outcome '{transition.Outcome}'."));
            }
        }

        foreach (var node in definition.Activities.Where(n => catalog.Find(n.Type) is WorkflowEventActivity { CanWait: false } && definition.Transitions.Any(t => t.To == n.Id)))
        {
            problems.Add(new(node.Id, "This event can only start a workflow: nothing should lead into it."));
        }

        var starts = StartActivities(definition).ToList();
        if (starts.Count == 0)
        {
            problems.Add(new(null, "The workflow needs a start event: an event activity with no connection into it."));
        }
        var reachable = Reachable(definition, starts.Select(s => s.Id));
        foreach (var node in definition.Activities.Where(n => !reachable.Contains(n.Id)))
        {
            problems.Add(new(node.Id, "Nothing leads to this activity: connect it from the start event or another activity."));
        }
        foreach (var id in SpinningCycle(definition))
        {
            problems.Add(new(id, "This activity is in a loop with no delay or wait: add a Delay (or an event to wait for) to the loop."));
        }
        return problems;
    }

    /// <summary>Event activities nothing leads into: what starts the workflow.</summary>
    public IEnumerable<ActivityNode> StartActivities(WorkflowDefinition definition) =>
        definition.Activities.Where(n => catalog.Find(n.Type)?.Kind == ActivityKind.Event && definition.Transitions.All(t => t.To != n.Id));

    private IEnumerable<WorkflowProblem> CheckProperties(ActivityNode node, WorkflowActivity activity)
    {
        var values = new ActivityProperties(node.Properties);
        foreach (var property in activity.Properties)
        {
            var value = values.Get(property.Name);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (property.Required && property.Default is null)
                {
                    yield return new(node.Id, $"{property.Label} is required.", property.Name);
                }
                continue;
            }
            if (value.Length > property.MaxLength)
            {
                yield return new(node.Id, $"{property.Label} can be at most {property.MaxLength} characters.", property.Name);
                continue;
            }
            switch (property.Kind)
            {
                case PropertyKind.Number when !int.TryParse(value, out var number):
                    yield return new(node.Id, $"{property.Label} must be a whole number.", property.Name);
                    break;
                case PropertyKind.Number when (property.Min is { } min && int.Parse(value) < min) || (property.Max is { } max && int.Parse(value) > max):
                    yield return new(node.Id, $"{property.Label} must be between {property.Min} and {property.Max}.", property.Name);
                    break;
                case PropertyKind.Select when property.Options.Count > 0 && property.Options.All(o => o.Value != value):
                    yield return new(node.Id, $"{property.Label} must be one of: {string.Join(", ", property.Options.Select(o => o.Label))}.", property.Name);
                    break;
                case PropertyKind.Liquid or PropertyKind.LiquidBlock when !liquid.TryParse(value, out _, out var error):
                    yield return new(node.Id, $"{property.Label}: {error.Message}", property.Name);
                    break;
                case PropertyKind.LiquidCondition when !liquid.TryParse(WorkflowExpressions.ConditionTemplate(value), out _, out var error):
                    yield return new(node.Id, $"{property.Label}: {error.Reason} (column {Math.Max(1, error.Column - WorkflowExpressions.ConditionPrefixLength)})", property.Name);
                    break;
            }
        }
        foreach (var message in activity.Validate(values))
        {
            yield return new(node.Id, message);
        }
    }

    private static HashSet<string> Reachable(WorkflowDefinition definition, IEnumerable<string> from)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>(from);
        while (queue.TryDequeue(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var next in definition.Transitions.Where(t => t.From == id))
                {
                    queue.Enqueue(next.To);
                }
            }
        }
        return seen;
    }

    /// <summary>Activities on a cycle made only of activities that do not wait (Tarjan's strongly connected components).</summary>
    private IEnumerable<string> SpinningCycle(WorkflowDefinition definition)
    {
        var instant = definition.Activities.Where(n => catalog.Find(n.Type) is { Waits: false }).Select(n => n.Id).ToHashSet();
        var edges = definition.Transitions.Where(t => instant.Contains(t.From) && instant.Contains(t.To))
            .GroupBy(t => t.From).ToDictionary(g => g.Key, g => g.Select(t => t.To).Distinct().ToList());
        var index = 0;
        var indices = new Dictionary<string, int>();
        var lowLinks = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cyclic = new List<string>();

        void Connect(string id)
        {
            indices[id] = lowLinks[id] = index++;
            stack.Push(id);
            onStack.Add(id);
            foreach (var next in edges.GetValueOrDefault(id) ?? [])
            {
                if (!indices.ContainsKey(next))
                {
                    Connect(next);
                    lowLinks[id] = Math.Min(lowLinks[id], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[id] = Math.Min(lowLinks[id], indices[next]);
                }
            }
            if (lowLinks[id] != indices[id])
            {
                return;
            }
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != id);
            if (component.Count > 1 || edges.GetValueOrDefault(id)?.Contains(id) == true)
            {
                cyclic.AddRange(component);
            }
        }

        foreach (var id in instant.Where(id => !indices.ContainsKey(id)))
        {
            Connect(id);
        }
        return cyclic;
    }
}
