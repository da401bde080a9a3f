using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Webhooks;

/// <summary>
/// Turns an event into deliveries: one row per endpoint that wants it, written with its delivery job in one transaction,
/// so an event is either fully queued for every endpoint or not at all. The body is fixed here, so every attempt (and a
/// resend) carries the same bytes and the same event id.
/// </summary>
public sealed class WebhookDispatcher(Database database, TenantContext tenantContext, IJobQueue queue, TimeProvider clock, IOptions<WebhookOptions> options)
{
    public const string JobKind = "api.webhooks.deliver";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body receivers get: <c>{ "id", "type", "created", "data" }</c>.</summary>
    public static string Body(string eventId, string type, DateTimeOffset created, object data) =>
        JsonSerializer.Serialize(new { id = eventId, type, created = created.ToUniversalTime(), data }, Json);

    /// <summary>Queues the event for every enabled endpoint subscribed to its type; returns how many.</summary>
    public Task<IReadOnlyList<Guid>> DispatchAsync(string type, string eventId, object data, CancellationToken cancellationToken) =>
        InsertAndQueueAsync("""
            INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, body, status, attempts, created_at, updated_at)
            SELECT gen_random_uuid(), s.tenant_id, s.id, @event, @type, @body, 'pending', 0, @now, @now
            FROM webhook_subscriptions s WHERE s.enabled AND @type = ANY (s.events)
            ON CONFLICT (tenant_id, subscription_id, event_id) WHERE resend_of IS NULL DO NOTHING
            RETURNING id
            """, command =>
            {
                command.Parameters.AddWithValue("event", eventId);
                command.Parameters.AddWithValue("type", type);
                command.Parameters.AddWithValue("body", Body(eventId, type, clock.GetUtcNow(), data));
            }, cancellationToken);

    /// <summary>Sends a <see cref="WebhookEvents.Test"/> event to one endpoint, whichever events it chose.</summary>
    public async Task<Guid?> SendTestAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        var eventId = WebhookEvents.NewId();
        var data = new { subscriptionId, message = "A test event from TelemedSaaS. Answer with a 2xx status to acknowledge it." };
        var ids = await InsertAndQueueAsync("""
            INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, body, status, attempts, created_at, updated_at)
            SELECT gen_random_uuid(), s.tenant_id, s.id, @event, @type, @body, 'pending', 0, @now, @now
            FROM webhook_subscriptions s WHERE s.id = @subscription AND s.enabled
            RETURNING id
            """, command =>
            {
                command.Parameters.AddWithValue("subscription", subscriptionId);
                command.Parameters.AddWithValue("event", eventId);
                command.Parameters.AddWithValue("type", WebhookEvents.Test);
                command.Parameters.AddWithValue("body", Body(eventId, WebhookEvents.Test, clock.GetUtcNow(), data));
            }, cancellationToken);
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>A new delivery of the same event (same id, same body) to the same endpoint; signed afresh when sent.</summary>
    public async Task<Guid?> ResendAsync(Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var ids = await InsertAndQueueAsync("""
            INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, body, resend_of, status, attempts, created_at, updated_at)
            SELECT gen_random_uuid(), d.tenant_id, d.subscription_id, d.event_id, d.event_type, d.body, d.id, 'pending', 0, @now, @now
            FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
            WHERE d.id = @delivery AND d.subscription_id = @subscription AND s.enabled
            RETURNING id
            """, command =>
            {
                command.Parameters.AddWithValue("subscription", subscriptionId);
                command.Parameters.AddWithValue("delivery", deliveryId);
            }, cancellationToken);
        return ids.Count == 1 ? ids[0] : null;
    }

    private async Task<IReadOnlyList<Guid>> InsertAndQueueAsync(string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.Required.Id;
        await using var connection = await database.OpenAsync(tenantContext, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        parameters(command);
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }
        if (ids.Count > 0)
        {
            await queue.EnqueueManyAsync(ids.Select(id => new JobRequest(JobKind, JsonSerializer.Serialize(new DeliveryJobPayload(id), Json))
            {
                TenantId = tenantId,
                MaxAttempts = options.Value.MaxAttempts,
            }).ToList(), connection, transaction, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    internal static DeliveryJobPayload ReadPayload(string json) => JsonSerializer.Deserialize<DeliveryJobPayload>(json, Json)!;
}

public sealed record DeliveryJobPayload(Guid DeliveryId);
