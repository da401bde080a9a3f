using System.Text.Json;
using System.Text.Json.Nodes;
using Telemed.Core.Clinic;

namespace Telemed.Core.Workflows;

/// <summary>
/// Something that happened, as workflows see it: to an appointment, or (a host's lost connection) to the clinic.
/// <see cref="Key"/> is unique per happening, so a happening delivered twice starts a workflow once.
/// </summary>
public sealed record WorkflowEvent(string Name, Guid? AppointmentId, string Key)
{
    /// <summary>Details of the happening (the meeting's state, a reason) offered to Liquid as <c>event</c>.</summary>
    public JsonObject Data { get; init; } = [];
}

/// <summary>The values an admin gave an activity in the editor.</summary>
public sealed class ActivityProperties(JsonObject? values)
{
    private readonly JsonObject _values = values ?? [];

    public JsonObject Values => _values;

    public string? Get(string name) =>
        _values[name] is JsonValue value && value.TryGetValue<JsonElement>(out var element)
            ? element.ValueKind switch { JsonValueKind.String => element.GetString(), JsonValueKind.Number => element.GetRawText(), JsonValueKind.True => "true", JsonValueKind.False => "false", _ => null }
            : _values[name] is JsonValue other ? other.ToString() : null;

    public string GetOr(string name, string fallback) => Get(name) is { Length: > 0 } value ? value : fallback;

    public int? GetInt(string name) => int.TryParse(Get(name), out var value) ? value : null;
}

/// <summary>What an activity runs with: its properties, the appointment as last known, the happening, the clinic's services.</summary>
public sealed class ActivityContext
{
    public required Guid InstanceId { get; init; }
    public required long StepId { get; init; }
    public required string ActivityId { get; init; }
    public required ActivityProperties Properties { get; init; }
    /// <summary>The appointment as last known; null for a happening that is not about one.</summary>
    public AppointmentChanged? Appointment { get; init; }
    public required WorkflowEvent Trigger { get; init; }
    public required IServiceProvider Services { get; init; }

    /// <summary>The slot's meeting as last reported (never with the host's start link).</summary>
    public MeetingChanged? Meeting { get; init; }

    /// <summary>Show what would happen; call no provider, send nothing, change nothing.</summary>
    public bool DryRun { get; init; }

    public int Attempt { get; init; } = 1;
    public int MaxAttempts { get; init; } = 1;

    /// <summary>Unique to this step of this instance: work outside the database uses it so a re-run does it once.</summary>
    public string IdempotencyKey => $"wf-{InstanceId:N}-{StepId}";

    /// <summary>Renders a Liquid property with the appointment, meeting and happening.</summary>
    public required Func<string, string> Render { get; init; }

    /// <summary>Evaluates a Liquid condition with the same values.</summary>
    public required Func<string, bool> Evaluate { get; init; }
}

/// <summary>How an activity ended: an outcome to follow, or a wait.</summary>
public sealed record ActivityResult
{
    public string? OutcomeName { get; private init; }
    public DateTimeOffset? WaitUntil { get; private init; }

    /// <summary>What happened (or would have), shown in the run's log.</summary>
    public string? Note { get; init; }

    public static ActivityResult Outcome(string outcome, string? note = null) => new() { OutcomeName = outcome, Note = note };

    /// <summary>Resumes with <see cref="WorkflowActivity.Done"/> at <paramref name="until"/> (a delay); survives restarts.</summary>
    public static ActivityResult Until(DateTimeOffset until, string? note = null) => new() { WaitUntil = until, Note = note };
}
