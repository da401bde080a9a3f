using Telemed.Core.Data;

namespace Telemed.Workflows.Data;

/// <summary>A clinic's workflow: its current graph (which may be an invalid draft) and whether it runs.</summary>
public sealed class WorkflowType : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool Enabled { get; set; }
    /// <summary>The latest saved version; instances run the version they started with.</summary>
    public int Version { get; set; }
    public string Definition { get; set; } = "{}";
    /// <summary>The event types its start activities listen for, for finding the workflows a happening starts.</summary>
    public string[] StartEvents { get; set; } = [];
    /// <summary>Why the graph cannot run (JSON list of problems), or null when it is valid.</summary>
    public string? Problems { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>Each saved version of a workflow, with who saved it and when.</summary>
public sealed class WorkflowTypeVersion : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid WorkflowTypeId { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Definition { get; set; } = "{}";
    public string? Note { get; set; }
    public string? SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

public static class InstanceStatus
{
    public const string Running = "running";
    public const string Waiting = "waiting";
    public const string Finished = "finished";
    public const string Faulted = "faulted";
    /// <summary>Stopped by a limit (steps per instance, messages per appointment).</summary>
    public const string Halted = "halted";
}

/// <summary>One run of a workflow, correlated with the appointment it is about.</summary>
public sealed class WorkflowInstance : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid WorkflowTypeId { get; set; }
    public int WorkflowVersion { get; set; }
    public string WorkflowName { get; set; } = "";
    public Guid? AppointmentId { get; set; }
    /// <summary>The happening that started it; unique per workflow, so a happening delivered twice starts one run.</summary>
    public string TriggerKey { get; set; } = "";
    public string TriggerEvent { get; set; } = "";
    public string TriggerData { get; set; } = "{}";
    public string Status { get; set; } = InstanceStatus.Running;
    public int StepCount { get; set; }
    public string? HaltReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public static class StepStatus
{
    public const string Queued = "queued";
    /// <summary>At a delay or an event activity in the middle of the graph.</summary>
    public const string Waiting = "waiting";
    public const string Done = "done";
    public const string Failed = "failed";
    /// <summary>Not run: the instance was halted by a limit before it.</summary>
    public const string Skipped = "skipped";
}

/// <summary>One activity of an instance: what it ran with, its outcome, error and times. The run history draws these.</summary>
public sealed class WorkflowStep : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    /// <summary>The step whose outcome led here (null for the start event).</summary>
    public long? PreviousStepId { get; set; }
    public string Status { get; set; } = StepStatus.Queued;
    public string? Outcome { get; set; }
    public string? Note { get; set; }
    public string? Error { get; set; }
    public string Input { get; set; } = "{}";
    public bool SendsMessages { get; set; }
    public string? WaitingFor { get; set; }
    public DateTimeOffset? WaitUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The latest of each appointment (and its slot's meeting) as events told it; activities run with it.</summary>
public sealed class WorkflowAppointment : ITenantOwned
{
    public Guid AppointmentId { get; set; }
    public Guid TenantId { get; set; }
    public int Version { get; set; }
    public string Appointment { get; set; } = "{}";
    public string? Meeting { get; set; }
    public int MeetingVersion { get; set; }
    public string SlotKey { get; set; } = "";
    public DateTimeOffset StartUtc { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Marks a clinic whose workflows were set up (from its recipe or with the defaults), so defaults come once.</summary>
public sealed class WorkflowSetup : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateTimeOffset? SetUpAt { get; set; }
    /// <summary>How its workflows came ("defaults", "recipe"); null until they were set up.</summary>
    public string? How { get; set; }
    /// <summary>The key HTTP request activities sign with (HMAC-SHA256), encrypted with the data protection key ring.</summary>
    public string? ProtectedSigningSecret { get; set; }
}
