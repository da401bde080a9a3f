using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Jobs;

/// <summary>Follows appointments of services that use Zoom; the other providers' appointments are not ours.</summary>
public sealed class AppointmentMeetingSubscriber(ZoomMeetingPlanner planner) : IEventSubscriber<AppointmentChanged>
{
    public const string Kind = "zoom.appointment-changed";

    public Task HandleAsync(AppointmentChanged domainEvent, CancellationToken cancellationToken) =>
        domainEvent.MeetingProvider == ZoomStartup.ProviderId ? planner.PlanAsync(domainEvent, cancellationToken) : Task.CompletedTask;
}
