using Microsoft.EntityFrameworkCore;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Notifications.Data;

public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<NotificationTemplate> Templates => Set<NotificationTemplate>();
    public DbSet<NotificationTemplateRevision> Revisions => Set<NotificationTemplateRevision>();
    public DbSet<NotificationSettings> Settings => Set<NotificationSettings>();
    public DbSet<NotifiedAppointment> Appointments => Set<NotifiedAppointment>();
    public DbSet<PlannedReminder> Reminders => Set<PlannedReminder>();
    public DbSet<SmsOptOut> OptOuts => Set<SmsOptOut>();
    public DbSet<CapturedMail> Outbox => Set<CapturedMail>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NotificationTemplate>().ToTable("notification_templates");
        modelBuilder.Entity<NotificationTemplateRevision>().ToTable("notification_template_revisions");
        modelBuilder.Entity<NotificationSettings>(e =>
        {
            e.ToTable("notification_settings");
            e.HasKey(s => s.TenantId);
            e.Property(s => s.TenantId).ValueGeneratedNever();
        });
        modelBuilder.Entity<NotifiedAppointment>(e =>
        {
            e.ToTable("notification_appointments");
            e.HasKey(a => a.AppointmentId);
            e.Property(a => a.LastEvent).HasColumnType("jsonb");
        });
        modelBuilder.Entity<PlannedReminder>().ToTable("notification_reminders");
        modelBuilder.Entity<SmsOptOut>(e => { e.ToTable("notification_sms_opt_outs"); e.HasKey(o => new { o.TenantId, o.Phone }); });
        modelBuilder.Entity<CapturedMail>().ToTable("notification_outbox");
    }
}
