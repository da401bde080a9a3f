namespace Telemed.Core.Workflows;

/// <summary>Whether an activity starts (or resumes) a workflow when something happens, or does something.</summary>
public enum ActivityKind
{
    Event,
    Task,
}

/// <summary>
/// One kind of step a clinic can put in a workflow. Modules register theirs from their Startup
/// (<see cref="WorkflowServiceCollectionExtensions.AddWorkflowActivity{T}"/>). An activity is a singleton that
/// describes itself; what it needs to run it resolves from <see cref="ActivityContext.Services"/>, in the clinic's scope.
/// </summary>
public abstract class WorkflowActivity
{
    public const string Done = "Done";
    public const string Failed = "Failed";

    /// <summary>A stable name stored in workflow definitions ("meetings.create").</summary>
    public abstract string Type { get; }

    public abstract string DisplayName { get; }

    public virtual string Category => "General";

    public virtual string Description => "";

    public virtual ActivityKind Kind => ActivityKind.Task;

    /// <summary>The outcomes a transition can leave from.</summary>
    public virtual IReadOnlyList<string> Outcomes => [Done];

    public virtual IReadOnlyList<ActivityProperty> Properties => [];

    /// <summary>Counted against the clinic's cap on messages per appointment.</summary>
    public virtual bool SendsMessages => false;

    /// <summary>Takes time to pass (a delay, a wait): a cycle through it cannot spin.</summary>
    public virtual bool Waits => Kind == ActivityKind.Event;

    /// <summary>Problems with the activity's properties beyond required fields (Liquid syntax is checked by the editor).</summary>
    public virtual IEnumerable<string> Validate(ActivityProperties properties) => [];

    /// <summary>
    /// Runs the activity (a job: it may run again after a crash, so work outside the database is keyed by
    /// <see cref="ActivityContext.IdempotencyKey"/>). In a dry run nothing leaves the product: say what would happen.
    /// </summary>
    public virtual Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Outcome(Done));
}

/// <summary>
/// An activity that a happening starts a workflow with, or that a running workflow waits at until it happens to the same
/// appointment. By default it matches events of its own <see cref="WorkflowActivity.Type"/>.
/// </summary>
/// <param name="canWait">False for happenings that can only start a workflow (not about one appointment, or planned ahead).</param>
public class WorkflowEventActivity(string type, string displayName, string category, string description, bool canWait = true) : WorkflowActivity
{
    public bool CanWait => canWait;

    public override string Type => type;
    public override string DisplayName => displayName;
    public override string Category => category;
    public override string Description => description;
    public override ActivityKind Kind => ActivityKind.Event;

    public virtual bool Matches(WorkflowEvent happening, ActivityProperties properties) => happening.Name == Type;
}

public enum PropertyKind
{
    Text,
    Number,
    Select,
    /// <summary>A Liquid template (checked when the workflow is saved).</summary>
    Liquid,
    /// <summary>A multi-line Liquid template.</summary>
    LiquidBlock,
    /// <summary>A Liquid expression that is true or false, as in <c>{% if … %}</c>.</summary>
    LiquidCondition,
}

public sealed record PropertyOption(string Value, string Label);

/// <summary>One field of an activity's form in the editor.</summary>
public sealed record ActivityProperty(string Name, string Label, PropertyKind Kind = PropertyKind.Text)
{
    public bool Required { get; init; }
    public string? Help { get; init; }
    public string? Default { get; init; }
    public IReadOnlyList<PropertyOption> Options { get; init; } = [];
    public int? Min { get; init; }
    public int? Max { get; init; }
    public int MaxLength { get; init; } = 4000;
}
