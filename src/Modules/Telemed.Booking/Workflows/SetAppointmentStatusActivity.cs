using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Services;
using Telemed.Core.Workflows;

namespace Telemed.Booking.Workflows;

/// <summary>
/// Marks the appointment completed or a no-show, or cancels it with a reason, under the same rules as staff pages (an
/// outcome only once it has started; a cancellation of a confirmed appointment). A change refused by the rules is Failed,
/// with the reason. Setting the status it already has is Done, so a step that runs twice changes nothing twice.
/// </summary>
public sealed class SetAppointmentStatusActivity : WorkflowActivity
{
    public override string Type => "booking.set-status";
    public override string DisplayName => "Set appointment status";
    public override string Category => "Appointments";
    public override string Description => "Marks the appointment completed or no-show, or cancels it with a reason.";
    public override IReadOnlyList<string> Outcomes => [Done, Failed];

    public override IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("status", "Status", PropertyKind.Select)
        {
            Required = true,
            Options = [new("completed", "Completed"), new("no-show", "No-show"), new("cancelled", "Cancelled")],
        },
        new("reason", "Reason (for a cancellation)", PropertyKind.Liquid) { MaxLength = AppointmentActions.MaxReasonLength },
    ];

    public override IEnumerable<string> Validate(ActivityProperties properties)
    {
        if (properties.Get("status") == "cancelled" && string.IsNullOrWhiteSpace(properties.Get("reason")))
        {
            yield return "A cancellation needs a reason; the patient is told it.";
        }
    }

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.Appointment is not { } appointment)
        {
            return ActivityResult.Outcome(Failed, "This run is not about an appointment.");
        }
        var status = context.Properties.GetOr("status", "completed");
        if (appointment.Status == status)
        {
            return ActivityResult.Outcome(Done, $"The appointment is already {status}.");
        }
        var reason = status == "cancelled" ? context.Render(context.Properties.Get("reason") ?? "").Trim() : "";
        if (context.DryRun)
        {
            return ActivityResult.Outcome(Done, $"Would mark the appointment {status}{(reason.Length > 0 ? $" (“{reason}”)" : "")}.");
        }
        var actions = context.Services.GetRequiredService<AppointmentActions>();
        var result = status switch
        {
            "cancelled" => await actions.CancelAsync(appointment.AppointmentId, reason, "workflow", enforceNotice: false, cancellationToken),
            _ => await actions.RecordOutcomeAsync(appointment.AppointmentId, attended: status == "completed", cancellationToken),
        };
        return result.Succeeded ? ActivityResult.Outcome(Done, $"Marked {status}.") : ActivityResult.Outcome(Failed, result.Message);
    }
}
