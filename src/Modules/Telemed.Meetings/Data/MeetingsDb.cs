using Microsoft.EntityFrameworkCore;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Meetings.Data;

public sealed class MeetingsDb(DbContextOptions<MeetingsDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<MeetingRecord> Meetings => Set<MeetingRecord>();
    public DbSet<MeetingAppointment> Appointments => Set<MeetingAppointment>();
    public DbSet<HostConnection> Connections => Set<HostConnection>();
    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();
    public DbSet<ProviderCall> Calls => Set<ProviderCall>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MeetingRecord>(e =>
        {
            e.ToTable("meetings");
            e.Ignore(m => m.IsDeadAtProvider);
        });
        modelBuilder.Entity<MeetingAppointment>(e =>
        {
            e.ToTable("meetings_appointments");
            e.HasKey(a => a.AppointmentId);
            e.Property(a => a.LastEvent).HasColumnType("jsonb");
        });
        modelBuilder.Entity<HostConnection>(e => { e.ToTable("meetings_connections"); e.Ignore(c => c.IsConnected); });
        modelBuilder.Entity<OAuthState>().ToTable("meetings_oauth_states");
        modelBuilder.Entity<ProviderCall>().ToTable("meetings_provider_calls");
    }
}
