namespace Telemed.Workflows.Engine;

/// <summary>Limits that keep one clinic's workflow from looping forever or flooding patients (<c>Workflows:*</c>).</summary>
public sealed class WorkflowsOptions
{
    /// <summary>Activities one run may execute; a run that reaches it is halted, with the reason shown.</summary>
    public int MaxStepsPerInstance { get; set; } = 100;

    /// <summary>Messages workflows may send about one appointment, over all its runs.</summary>
    public int MaxMessagesPerAppointment { get; set; } = 30;

    /// <summary>Attempts of an activity that fails before its Failed outcome is taken.</summary>
    public int MaxActivityAttempts { get; set; } = 5;

    /// <summary>HTTP request activities may call loopback and private addresses (for local development and tests only).</summary>
    public bool AllowPrivateHttpTargets { get; set; }

    public int HttpTimeoutSeconds { get; set; } = 15;
}
