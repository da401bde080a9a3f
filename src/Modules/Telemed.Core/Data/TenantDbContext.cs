using Microsoft.EntityFrameworkCore;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Data;

/// <summary>
/// Base for a module's DbContext: tenant-owned entities are filtered to the current tenant, stamped
/// with it on insert, and a save touching another tenant's row throws (<see cref="TenantStampingInterceptor"/>). PostgreSQL row-level
/// security enforces the same rule underneath.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, TenantContext tenantContext) : DbContext(options), ITenantAwareDbContext
{
    public Guid CurrentTenantId => tenantContext.TenantId ?? Guid.Empty;

    /// <summary>Configures the module's entities; naming and tenant filters are applied afterwards.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        modelBuilder.UseSnakeCaseNames();
        modelBuilder.ApplyTenantFilters(this);
    }
}
