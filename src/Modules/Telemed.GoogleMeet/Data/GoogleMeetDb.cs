using Microsoft.EntityFrameworkCore;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.GoogleMeet.Data;

/// <summary>Google Meet's own table: the clinic's settings. Meetings and host connections belong to Telemed.Meetings.</summary>
public sealed class GoogleMeetDb(DbContextOptions<GoogleMeetDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<GoogleMeetSettings> Settings => Set<GoogleMeetSettings>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GoogleMeetSettings>(e =>
        {
            e.ToTable("google_meet_settings");
            e.HasKey(s => s.TenantId);
            // The key is the clinic itself, stamped on save; EF must not invent one.
            e.Property(s => s.TenantId).ValueGeneratedNever();
        });
    }
}
