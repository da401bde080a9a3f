using System.Collections.Concurrent;
using Telemed.Core.Clinic;
using Telemed.Core.Events;

namespace Telemed.Booking.IntegrationTests;

/// <summary>Subscribes to <see cref="AppointmentChanged"/> the way the meeting and notification modules do.</summary>
public sealed class RecordingSubscriber : IEventSubscriber<AppointmentChanged>
{
    public Task HandleAsync(AppointmentChanged domainEvent, CancellationToken cancellationToken)
    {
        RecordedEvents.All.Add(domainEvent);
        return Task.CompletedTask;
    }
}

/// <summary>The events delivered to <see cref="RecordingSubscriber"/> through the job queue.</summary>
public static class RecordedEvents
{
    public static readonly ConcurrentBag<AppointmentChanged> All = [];

    /// <summary>Waits until the appointment's events include <paramref name="change"/>.</summary>
    public static async Task<AppointmentChanged> WaitForAsync(Guid appointmentId, AppointmentChange change) =>
        (await Waiting.ForAsync(
            () => Task.FromResult(All.FirstOrDefault(e => e.AppointmentId == appointmentId && e.Change == change)),
            found => found is not null,
            _ => string.Join(", ", All.Where(e => e.AppointmentId == appointmentId).Select(e => e.Change)) is { Length: > 0 } seen ? seen : "no event of it",
            $"the {change} event of appointment {appointmentId}"))!;
}
