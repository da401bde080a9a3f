using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Jobs;

namespace Telemed.Core.Events;

/// <summary>Handles one kind of domain event. Runs as a job in the event's clinic, retried on failure.</summary>
public interface IEventSubscriber<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes domain events through the job queue: one job per subscriber, enqueued in the
/// publisher's transaction, so an event is delivered if and only if its change committed, and a
/// failing subscriber retries on its own without losing the event or holding up the others.
/// </summary>
public sealed class EventPublisher(IJobQueue queue, IEnumerable<EventSubscription> subscriptions)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PublishAsync<TEvent>(TEvent domainEvent, Guid tenantId, DbConnection? connection = null,
        DbTransaction? transaction = null, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        var payload = JsonSerializer.Serialize(domainEvent, Json);
        foreach (var subscription in subscriptions.Where(s => s.EventType == typeof(TEvent)))
        {
            await queue.EnqueueAsync(new JobRequest(subscription.JobKind, payload) { TenantId = tenantId }, connection, transaction, cancellationToken);
        }
    }
}

/// <summary>A subscriber registered for an event type, delivered as jobs of <see cref="JobKind"/>.</summary>
public sealed record EventSubscription(Type EventType, Type SubscriberType, string JobKind);

/// <summary>The job that delivers one event to one subscriber.</summary>
public sealed class EventDeliveryJob<TEvent, TSubscriber>(TSubscriber subscriber) : IJobHandler
    where TSubscriber : IEventSubscriber<TEvent>
{
    public Task ExecuteAsync(JobContext job, CancellationToken cancellationToken) =>
        subscriber.HandleAsync(JsonSerializer.Deserialize<TEvent>(job.PayloadJson, EventPublisher.Json)!, cancellationToken);
}

public static class EventServiceCollectionExtensions
{
    /// <param name="kind">The delivery jobs' kind: a stable name stored with queued jobs, so renaming a class loses none.</param>
    /// <param name="formerKinds">Names queued jobs of this subscriber may still carry; they are delivered as before.</param>
    public static IServiceCollection AddEventSubscriber<TEvent, TSubscriber>(this IServiceCollection services, string kind, params string[] formerKinds)
        where TSubscriber : class, IEventSubscriber<TEvent>
    {
        services.AddScoped<TSubscriber>();
        services.AddSingleton(new EventSubscription(typeof(TEvent), typeof(TSubscriber), kind));
        services.AddJob<EventDeliveryJob<TEvent, TSubscriber>>(kind);
        foreach (var former in formerKinds)
        {
            services.AddSingleton(new JobKind(former, typeof(EventDeliveryJob<TEvent, TSubscriber>)));
        }
        return services;
    }
}
