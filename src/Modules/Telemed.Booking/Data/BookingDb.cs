using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Telemed.Booking.Catalog;
using Telemed.Booking.Models;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.Data;

/// <summary>The booking module's tables, filtered to the current clinic.</summary>
public sealed class BookingDb(DbContextOptions<BookingDb> options, TenantContext tenantContext, BookingCatalogs catalogs) : TenantDbContext(options, tenantContext)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceHost> ServiceHosts => Set<ServiceHost>();
    public DbSet<HostProfile> Hosts => Set<HostProfile>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<SlotHold> Slots => Set<SlotHold>();

    /// <summary>
    /// A change saved here is seen at once by this node's next request (the clinic's booking data in memory is dropped
    /// now); other nodes drop theirs when the database announces the change on commit.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        ForgetIfChanged(saved);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        ForgetIfChanged(saved);
        return saved;
    }

    private void ForgetIfChanged(int saved)
    {
        if (saved > 0 && CurrentTenantId != Guid.Empty)
        {
            catalogs.Forget(CurrentTenantId);
        }
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Service>(service =>
        {
            service.ToTable("booking_services");
            service.Ignore(s => s.IsGroup);
        });
        modelBuilder.Entity<ServiceHost>(link =>
        {
            link.ToTable("booking_service_hosts");
            link.HasKey(l => new { l.ServiceId, l.HostId });
            // Declared so EF Core inserts a new service or host before its links.
            link.HasOne<Service>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<HostProfile>().WithMany().HasForeignKey(l => l.HostId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<HostProfile>(host =>
        {
            host.ToTable("booking_hosts");
            host.Property(h => h.Availability).HasColumnType("jsonb").HasConversion(
                value => JsonSerializer.Serialize(value, Json),
                json => JsonSerializer.Deserialize<HostAvailability>(json, Json) ?? HostAvailability.Empty);
            host.Ignore(h => h.Zone);
        });
        modelBuilder.Entity<Appointment>(appointment =>
        {
            appointment.ToTable("booking_appointments");
            appointment.Property(a => a.Version).IsConcurrencyToken();
            appointment.Property(a => a.Reschedules).HasColumnType("jsonb").HasConversion(
                value => JsonSerializer.Serialize(value, Json),
                json => JsonSerializer.Deserialize<List<RescheduleEntry>>(json, Json) ?? new List<RescheduleEntry>(),
                new ValueComparer<List<RescheduleEntry>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, entry) => HashCode.Combine(hash, entry)),
                    list => list.ToList()));
            appointment.Ignore(a => a.DurationMinutes);
            appointment.Ignore(a => a.IsConfirmed);
        });
        modelBuilder.Entity<SlotHold>(slot => slot.ToTable("booking_slots"));
    }
}
