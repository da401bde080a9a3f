using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Telemed.Workflows.Definitions;

/// <summary>A workflow's graph: activities placed on the canvas and transitions from an activity's outcome to the next.</summary>
public sealed class WorkflowDefinition
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public List<ActivityNode> Activities { get; set; } = [];
    public List<Transition> Transitions { get; set; } = [];

    public ActivityNode? Find(string activityId) => Activities.FirstOrDefault(a => a.Id == activityId);

    public IEnumerable<Transition> From(string activityId, string outcome) =>
        Transitions.Where(t => t.From == activityId && string.Equals(t.Outcome, outcome, StringComparison.OrdinalIgnoreCase));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WorkflowDefinition Parse(string json) => JsonSerializer.Deserialize<WorkflowDefinition>(json, Json) ?? new();
}

public sealed class ActivityNode
{
    /// <summary>Unique within the workflow; kept across edits so run history still points at it.</summary>
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public JsonObject Properties { get; set; } = [];
    public double X { get; set; }
    public double Y { get; set; }
}

public sealed record Transition(string From, string Outcome, string To);

/// <summary>A workflow as exported, imported and written in recipes.</summary>
public sealed class WorkflowDocument
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool Enabled { get; set; }
    public List<ActivityNode> Activities { get; set; } = [];
    public List<Transition> Transitions { get; set; } = [];

    [JsonIgnore]
    public WorkflowDefinition Definition => new() { Activities = Activities, Transitions = Transitions };
}
