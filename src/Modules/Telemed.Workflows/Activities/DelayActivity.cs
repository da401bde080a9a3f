using Telemed.Core.Workflows;

namespace Telemed.Workflows.Activities;

/// <summary>Waits a while, or until a time relative to the appointment; the wait is a scheduled job, so it survives restarts.</summary>
public sealed class DelayActivity : WorkflowActivity
{
    public const string For = "for";
    public const string BeforeStart = "before-start";
    public const string AfterEnd = "after-end";

    public override string Type => "workflows.delay";
    public override string DisplayName => "Delay / wait until";
    public override string Category => "Control";
    public override string Description => "Waits some minutes, or until so many minutes before the appointment starts or after it ends.";
    public override bool Waits => true;

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("minutes", "Minutes", PropertyKind.Number) { Required = true, Min = 0, Max = 60 * 24 * 60, Default = "15" },
        new("until", "Wait", PropertyKind.Select)
        {
            Default = For,
            Options = [new(For, "for this many minutes"), new(BeforeStart, "until this many minutes before the start"), new(AfterEnd, "until this many minutes after the end")],
        },
    ];

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var minutes = context.Properties.GetInt("minutes") ?? 15;
        var mode = context.Properties.GetOr("until", For);
        var now = context.Services.GetService(typeof(TimeProvider)) is TimeProvider clock ? clock.GetUtcNow() : DateTimeOffset.UtcNow;
        DateTimeOffset until;
        if (mode == For || context.Appointment is null)
        {
            until = now.AddMinutes(minutes);
        }
        else
        {
            until = mode == AfterEnd ? context.Appointment.EndUtc.AddMinutes(minutes) : context.Appointment.StartUtc.AddMinutes(-minutes);
        }
        if (until <= now)
        {
            return Task.FromResult(ActivityResult.Outcome(Done, "The time had already passed; went on at once."));
        }
        return Task.FromResult(ActivityResult.Until(until, $"Waits until {until:u}."));
    }
}
