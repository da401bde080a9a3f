using Microsoft.EntityFrameworkCore;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Workflows.Data;

public sealed class WorkflowsDb(DbContextOptions<WorkflowsDb> options, TenantContext tenantContext) : TenantDbContext(options, tenantContext)
{
    public DbSet<WorkflowType> Types => Set<WorkflowType>();
    public DbSet<WorkflowTypeVersion> Versions => Set<WorkflowTypeVersion>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<WorkflowStep> Steps => Set<WorkflowStep>();
    public DbSet<WorkflowAppointment> Appointments => Set<WorkflowAppointment>();
    public DbSet<WorkflowSetup> Setups => Set<WorkflowSetup>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowType>(e =>
        {
            e.ToTable("workflow_types");
            e.Property(t => t.Definition).HasColumnType("jsonb");
            e.Property(t => t.Problems).HasColumnType("jsonb");
        });
        modelBuilder.Entity<WorkflowTypeVersion>(e =>
        {
            e.ToTable("workflow_type_versions");
            e.HasOne<WorkflowType>().WithMany().HasForeignKey(v => v.WorkflowTypeId).OnDelete(DeleteBehavior.Cascade);
            e.Property(v => v.Definition).HasColumnType("jsonb");
        });
        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("workflow_instances");
            e.HasOne<WorkflowType>().WithMany().HasForeignKey(i => i.WorkflowTypeId).OnDelete(DeleteBehavior.Cascade);
            e.Property(i => i.TriggerData).HasColumnType("jsonb");
        });
        modelBuilder.Entity<WorkflowStep>(e =>
        {
            e.ToTable("workflow_steps");
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(s => s.InstanceId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Input).HasColumnType("jsonb");
        });
        modelBuilder.Entity<WorkflowAppointment>(e =>
        {
            e.ToTable("workflow_appointments");
            e.HasKey(a => a.AppointmentId);
            e.Property(a => a.Appointment).HasColumnType("jsonb");
            e.Property(a => a.Meeting).HasColumnType("jsonb");
        });
        modelBuilder.Entity<WorkflowSetup>(e =>
        {
            e.ToTable("workflow_setup");
            e.HasKey(s => s.TenantId);
            e.Property(s => s.TenantId).ValueGeneratedNever();
        });
    }
}
