using Microsoft.EntityFrameworkCore;
using Telemed.Api.Data;

namespace Telemed.Api.Webhooks;

/// <summary>A page of an endpoint's deliveries, newest first.</summary>
public sealed record DeliveryPage(IReadOnlyList<WebhookDelivery> Deliveries, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The clinic's webhook endpoints and their delivery logs (row-level security keeps every other clinic's out of sight).</summary>
public sealed class WebhookStore(ApiDb db, WebhookSecrets secrets, TimeProvider clock)
{
    public const int PageSize = 25;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);

    public Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<WebhookSubscription> CreateAsync(string url, string description, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
    {
        var now = Now;
        var subscription = new WebhookSubscription
        {
            Url = url,
            Description = description,
            Events = [.. events],
            SecretProtected = secrets.Protect(WebhookSecrets.Create()),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return subscription;
    }

    public async Task<bool> UpdateAsync(Guid id, string url, string description, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
    {
        var eventArray = events.ToArray();
        var now = Now;
        return await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Url, url)
            .SetProperty(s => s.Description, description)
            .SetProperty(s => s.Events, eventArray)
            .SetProperty(s => s.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Turning an endpoint on starts its failure count afresh and clears why it was turned off.</summary>
    public async Task<bool> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        var now = Now;
        return enabled
            ? await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Enabled, true)
                .SetProperty(s => s.ConsecutiveFailures, 0)
                .SetProperty(s => s.AutoDisabledAt, (DateTimeOffset?)null)
                .SetProperty(s => s.AutoDisabledReason, (string?)null)
                .SetProperty(s => s.UpdatedAt, now), cancellationToken) == 1
            : await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Enabled, false)
                .SetProperty(s => s.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Removes the endpoint and its delivery log; queued deliveries find nothing to send.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;

    public async Task<string?> RevealSecretAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } subscription ? secrets.Unprotect(subscription.SecretProtected) : null;

    public async Task<DeliveryPage> DeliveriesAsync(Guid subscriptionId, int page, CancellationToken cancellationToken)
    {
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new DeliveryPage(deliveries, page, PageSize, total);
    }

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId, cancellationToken);

    public async Task<IReadOnlyList<WebhookAttempt>> AttemptsAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Attempt).ToListAsync(cancellationToken);
}
