using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Data;

/// <summary>A DbContext that knows its tenant; the query filters read <see cref="CurrentTenantId"/> on every query.</summary>
public interface ITenantAwareDbContext
{
    Guid CurrentTenantId { get; }
}

/// <summary>
/// The EF Core half of tenant isolation, shared by every module's DbContext (including Identity's,
/// which cannot derive from <see cref="TenantDbContext"/>): query filters and save-time checks.
/// </summary>
public static class TenantIsolation
{
    public static void ApplyTenantFilters<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantAwareDbContext
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null)
            {
                continue;
            }
            var entity = Expression.Parameter(entityType.ClrType, "e");
            var rowTenant = Expression.Property(entity, nameof(ITenantOwned.TenantId));
            var current = Expression.Property(Expression.Constant(context), typeof(TContext).GetProperty(nameof(ITenantAwareDbContext.CurrentTenantId))!);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(Expression.Equal(rowTenant, current), entity));
        }
    }

    /// <summary>Stamps new rows with the current tenant and refuses to save a row of another tenant.</summary>
    public static void StampTenant(this ChangeTracker changeTracker, TenantContext tenantContext)
    {
        foreach (var entry in changeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var current = tenantContext.TenantId
                ?? throw new InvalidOperationException($"Cannot save {entry.Entity.GetType().Name} without a tenant.");
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current;
            }
            else if (entry.Entity.TenantId != current)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} belongs to another tenant.");
            }
        }
    }
}
