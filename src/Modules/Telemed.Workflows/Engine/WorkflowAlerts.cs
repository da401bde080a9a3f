using Microsoft.EntityFrameworkCore;
using Telemed.Core.Navigation;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;

namespace Telemed.Workflows.Engine;

/// <summary>Tells the clinic's admins on their home page when workflow runs stopped (a limit hit, an activity that kept failing).</summary>
public sealed class WorkflowAlerts(WorkflowsDb db, TimeProvider clock) : IAdminAlertSource
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<AdminAlert>> GetAlertsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        if (tenant.IsPlatform)
        {
            return [];
        }
        var since = clock.GetUtcNow() - Window;
        var stopped = await db.Instances.CountAsync(i => (i.Status == InstanceStatus.Halted || i.Status == InstanceStatus.Faulted) && i.UpdatedAt >= since, cancellationToken);
        return stopped == 0 ? [] :
        [
            new AdminAlert(WorkflowsPermissions.Manage.Name,
                $"{stopped} workflow run{(stopped == 1 ? " was" : "s were")} stopped in the last 7 days (a limit was reached or an activity kept failing).",
                "/admin/workflows/runs?status=stopped", "See the runs", AdminAlertLevel.Danger),
        ];
    }
}
