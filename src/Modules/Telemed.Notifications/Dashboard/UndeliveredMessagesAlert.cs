using Telemed.Core.Messaging;
using Telemed.Core.Navigation;
using Telemed.Core.Tenancy;

namespace Telemed.Notifications.Dashboard;

/// <summary>Messages that failed for good in the last week: someone should fix the address or send them again.</summary>
public sealed class UndeliveredMessagesAlert(MessageLog log, TimeProvider clock) : IAdminAlertSource
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<AdminAlert>> GetAlertsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var failed = await log.CountAsync("failed", clock.GetUtcNow() - Window, cancellationToken);
        if (failed == 0)
        {
            return [];
        }
        var path = (tenant.IsPlatform ? "/platform/messages" : "/admin/messages") + "?status=failed";
        var what = failed == 1 ? "1 message was" : $"{failed} messages were";
        return [new AdminAlert(NotificationPermissions.ReadMessages, $"{what} not delivered in the last 7 days.", path, "See undelivered messages", AdminAlertLevel.Danger)];
    }
}
