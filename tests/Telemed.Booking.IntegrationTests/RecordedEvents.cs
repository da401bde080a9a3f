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
    public static async Task<AppointmentChanged> WaitForAsync(Guid appointmentId, AppointmentChange change)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (All.FirstOrDefault(e => e.AppointmentId == appointmentId && e.Change == change) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {change} event arrived for {appointmentId}.");
    }
}
