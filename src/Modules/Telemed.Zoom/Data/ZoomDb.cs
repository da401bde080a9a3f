using Microsoft.EntityFrameworkCore;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Zoom.Data;

public sealed class ZoomDb(DbContextOptions<ZoomDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<ZoomClinicSettings> Settings => Set<ZoomClinicSettings>();
    public DbSet<ZoomConnection> Connections => Set<ZoomConnection>();
    public DbSet<ZoomOAuthState> OAuthStates => Set<ZoomOAuthState>();
    public DbSet<ZoomMeetingRecord> Meetings => Set<ZoomMeetingRecord>();
    public DbSet<ZoomAppointment> Appointments => Set<ZoomAppointment>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ZoomClinicSettings>(e =>
        {
            e.ToTable("zoom_settings");
            e.HasKey(s => s.TenantId);
            // The key is the clinic itself, stamped on save; EF must not invent one.
            e.Property(s => s.TenantId).ValueGeneratedNever();
        });
        modelBuilder.Entity<ZoomConnection>(e => { e.ToTable("zoom_connections"); e.Ignore(c => c.IsConnected); });
        modelBuilder.Entity<ZoomOAuthState>().ToTable("zoom_oauth_states");
        modelBuilder.Entity<ZoomMeetingRecord>().ToTable("zoom_meetings");
        modelBuilder.Entity<ZoomAppointment>(e =>
        {
            e.ToTable("zoom_appointments");
            e.HasKey(a => a.AppointmentId);
            e.Property(a => a.LastEvent).HasColumnType("jsonb");
        });
    }
}
