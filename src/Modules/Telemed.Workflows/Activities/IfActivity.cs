using Telemed.Core.Workflows;

namespace Telemed.Workflows.Activities;

/// <summary>Branches on a Liquid condition, written as in <c>{% if … %}</c>.</summary>
public sealed class IfActivity : WorkflowActivity
{
    public const string True = "True";
    public const string False = "False";

    public override string Type => "workflows.if";
    public override string DisplayName => "If";
    public override string Category => "Control";
    public override string Description => "Goes on by True or False, as a Liquid condition says (for example appointment.status == \"confirmed\").";
    public override IReadOnlyList<string> Outcomes => [True, False];

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("condition", "Condition", PropertyKind.LiquidCondition)
        {
            Required = true, MaxLength = 1000,
            Help = "As inside {% if … %}: appointment.status == \"confirmed\" and appointment.is_upcoming",
        },
    ];

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var condition = context.Properties.GetOr("condition", "false");
        var holds = context.Evaluate(condition);
        return Task.FromResult(ActivityResult.Outcome(holds ? True : False, $"{condition} → {(holds ? "true" : "false")}"));
    }
}
