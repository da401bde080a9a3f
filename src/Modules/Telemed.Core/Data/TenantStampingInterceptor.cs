using Microsoft.EntityFrameworkCore.Diagnostics;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Data;

/// <summary>
/// Before every save of any module's DbContext: stamps new tenant-owned rows with the current
/// tenant and refuses a save that touches another tenant's row.
/// </summary>
public sealed class TenantStampingInterceptor(TenantContext tenantContext) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        eventData.Context?.ChangeTracker.StampTenant(tenantContext);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        eventData.Context?.ChangeTracker.StampTenant(tenantContext);
        return ValueTask.FromResult(result);
    }
}
