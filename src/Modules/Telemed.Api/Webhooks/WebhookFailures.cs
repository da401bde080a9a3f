using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Api.Data;
using Telemed.Core.Hosting;
using Telemed.Core.Messaging;
using Telemed.Core.Navigation;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Webhooks;

/// <summary>
/// Counts deliveries that failed for good, in a row, per endpoint. At <see cref="WebhookOptions.DisableAfterFailures"/> the
/// endpoint is turned off, with the reason and time, and the clinic's admins get an e-mail and an alert on their home page.
/// One delivered event sets the count back to 0, as does turning the endpoint on again.
/// </summary>
public sealed class WebhookFailures(
    ApiDb db, TenantContext tenantContext, IOptions<WebhookOptions> options, TimeProvider clock, MessageLog messages,
    IEnumerable<IUserDirectory> users, PublicUrls urls, ILogger<WebhookFailures> logger)
{
    public Task RecordSuccessAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.Where(s => s.Id == subscriptionId && s.ConsecutiveFailures != 0)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConsecutiveFailures, 0), cancellationToken);

    public async Task RecordFailureAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await db.WebhookSubscriptions.Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConsecutiveFailures, s => s.ConsecutiveFailures + 1), cancellationToken);
        var limit = options.Value.DisableAfterFailures;
        var now = clock.GetUtcNow();
        var reason = $"Turned off after {limit} deliveries in a row failed (every attempt of each).";
        // Only the update that finds it still on turns it off, so the admins are told once even when deliveries fail at once.
        var turnedOff = await db.WebhookSubscriptions.Where(s => s.Id == subscriptionId && s.Enabled && s.ConsecutiveFailures >= limit)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Enabled, false)
                .SetProperty(s => s.AutoDisabledAt, now)
                .SetProperty(s => s.AutoDisabledReason, reason)
                .SetProperty(s => s.UpdatedAt, now), cancellationToken) == 1;
        if (turnedOff)
        {
            var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId, cancellationToken);
            logger.LogInformation("Webhook endpoint {Id} of clinic {Tenant} was turned off after {Limit} failed deliveries.", subscriptionId, tenantContext.Required.Slug, limit);
            await TellAdminsAsync(subscription, cancellationToken);
        }
    }

    private async Task TellAdminsAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var link = urls.ForTenant(tenant, $"/admin/webhooks/{subscription.Id}");
        foreach (var directory in users.Take(1))
        {
            foreach (var admin in (await directory.ListAsync(cancellationToken)).Where(u => u.Roles.Contains(Roles.ClinicAdmin)))
            {
                await messages.RecordAsync(new OutgoingMessage("email", admin.Email, $"Webhook turned off: {subscription.Url}",
                    $"""
                    Hello {admin.DisplayName},

                    {tenant.Name} stopped sending events to {subscription.Url}{(subscription.Description.Length > 0 ? $" ({subscription.Description})" : "")}.
                    {subscription.AutoDisabledReason}

                    Events that happen while it is off are not sent to it. Fix the endpoint so it answers with a 2xx status,
                    then turn it on again and resend what it missed from its delivery log:
                    {link}
                    """)
                {
                    DedupeKey = $"webhook-off:{subscription.Id:N}:{subscription.AutoDisabledAt:O}:{admin.Id:N}",
                }, cancellationToken: cancellationToken);
            }
        }
    }
}

/// <summary>Tells the clinic's admins on their home page which endpoints were turned off because deliveries kept failing.</summary>
public sealed class WebhookAlerts(ApiDb db) : IAdminAlertSource
{
    public async Task<IReadOnlyList<AdminAlert>> GetAlertsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        if (tenant.IsPlatform)
        {
            return [];
        }
        var off = await db.WebhookSubscriptions.Where(s => !s.Enabled && s.AutoDisabledAt != null).Select(s => s.Url).ToListAsync(cancellationToken);
        return off.Count == 0 ? [] :
        [
            new AdminAlert(ApiPermissions.Names.ManageWebhooks,
                off.Count == 1
                    ? $"The webhook to {off[0]} was turned off because its deliveries kept failing."
                    : $"{off.Count} webhooks were turned off because their deliveries kept failing.",
                "/admin/webhooks", "Review webhooks", AdminAlertLevel.Danger),
        ];
    }
}
