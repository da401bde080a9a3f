using Microsoft.EntityFrameworkCore;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Zoom.Data;

/// <summary>Zoom's own table: the clinic's Zoom settings. Meetings and connections belong to Telemed.Meetings.</summary>
public sealed class ZoomDb(DbContextOptions<ZoomDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<ZoomClinicSettings> Settings => Set<ZoomClinicSettings>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ZoomClinicSettings>(e =>
        {
            e.ToTable("zoom_settings");
            e.HasKey(s => s.TenantId);
            // The key is the clinic itself, stamped on save; EF must not invent one.
            e.Property(s => s.TenantId).ValueGeneratedNever();
        });
    }
}
