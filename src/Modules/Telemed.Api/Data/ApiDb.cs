using Microsoft.EntityFrameworkCore;
using Telemed.Api.Models;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Api.Data;

/// <summary>The API module's table: the clinic's keys, filtered to the current clinic.</summary>
public sealed class ApiDb(DbContextOptions<ApiDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<ApiKey> Keys => Set<ApiKey>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.Ignore(k => k.IsRevoked);
        });
    }
}
