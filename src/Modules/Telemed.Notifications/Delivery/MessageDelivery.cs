using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telemed.Core.Jobs;
using Telemed.Core.Messaging;
using Telemed.Core.Tenancy;

namespace Telemed.Notifications.Delivery;

/// <summary>Every recorded message is delivered by a job of <see cref="DeliverMessageJob.Kind"/>, retried with backoff.</summary>
public sealed class MessageDelivery(IJobQueue queue, TenantContext tenantContext, IOptions<EmailOptions> options) : IMessageDelivery
{
    public async Task QueueAsync(long messageId, DbConnection? connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        await queue.EnqueueAsync(new JobRequest(DeliverMessageJob.Kind, JsonSerializer.Serialize(new DeliverMessageJob.Payload(messageId)))
        {
            TenantId = tenantContext.Required.Id,
            MaxAttempts = options.Value.MaxAttempts,
            UniqueKey = $"message:{messageId}",
        }, connection, transaction, cancellationToken);
}
