using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;
using Telemed.Identity.Models;

namespace Telemed.Identity.Data;

/// <summary>ASP.NET Core Identity's store, with users and roles scoped to their clinic.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options, TenantContext tenantContext)
    : IdentityDbContext<TelemedUser, TelemedRole, Guid>(options), ITenantAwareDbContext
{
    public Guid CurrentTenantId => tenantContext.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TelemedUser>(user =>
        {
            user.ToTable("users");
            user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("users_tenant_user_name").IsUnique(false);
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("users_tenant_email");
        });
        builder.Entity<TelemedRole>(role =>
        {
            role.ToTable("roles");
            role.HasIndex(r => r.NormalizedName).HasDatabaseName("roles_tenant_name").IsUnique(false);
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.UseSnakeCaseNames();
        builder.ApplyTenantFilters(this);
    }
}
