using Telemed.Core.Clinic;
using Telemed.Core.Events;

namespace Telemed.Api.Webhooks;

/// <summary>Hands the clinic's appointment and meeting changes to its webhook endpoints.</summary>
public sealed class WebhookEventSubscriber(WebhookDispatcher dispatcher) : IEventSubscriber<AppointmentChanged>, IEventSubscriber<MeetingChanged>
{
    public const string AppointmentKind = "api.webhooks.appointment";
    public const string MeetingKind = "api.webhooks.meeting";

    public Task HandleAsync(AppointmentChanged change, CancellationToken cancellationToken)
    {
        var type = WebhookEvents.TypeOf(change.Change);
        return dispatcher.DispatchAsync(type, WebhookEvents.IdFor(type, change.AppointmentId, change.Version), AppointmentData.From(change), cancellationToken);
    }

    public Task HandleAsync(MeetingChanged change, CancellationToken cancellationToken)
    {
        var type = WebhookEvents.TypeOf(change.Change);
        return dispatcher.DispatchAsync(type, WebhookEvents.IdFor(type, change.MeetingId, change.Version), MeetingData.From(change), cancellationToken);
    }
}
