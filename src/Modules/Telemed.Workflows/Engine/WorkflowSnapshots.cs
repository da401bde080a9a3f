using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;

namespace Telemed.Workflows.Engine;

/// <summary>
/// The latest of each appointment and its slot's meeting, as their events told it. Events arrive through jobs and may
/// come late or twice: an appointment version older than the one kept (or a meeting event older than the one kept) changes nothing.
/// </summary>
public sealed class WorkflowSnapshots(WorkflowsDb db, TenantContext tenantContext, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps the appointment; false when the event is older than what is kept (and should start nothing).</summary>
    public async Task<bool> ApplyAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        // One statement: written when new, or newer than the version kept.
        var json = JsonSerializer.Serialize(appointment, Json);
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO workflow_appointments (appointment_id, tenant_id, version, appointment, slot_key, start_utc, status, updated_at)
            VALUES ({appointment.AppointmentId}, {tenantContext.Required.Id}, {appointment.Version}, {json}::jsonb, {appointment.SlotKey},
                    {appointment.StartUtc}, {appointment.Status}, {clock.GetUtcNow()})
            ON CONFLICT (appointment_id) DO UPDATE SET version = excluded.version, appointment = excluded.appointment, slot_key = excluded.slot_key,
                start_utc = excluded.start_utc, status = excluded.status, updated_at = excluded.updated_at
            WHERE workflow_appointments.version < excluded.version OR (excluded.version = 0 AND workflow_appointments.version = 0)
            """, cancellationToken);
        return written > 0;
    }

    /// <summary>Keeps the meeting on each of its appointments; returns the appointments it is newer for.</summary>
    public async Task<IReadOnlyList<Guid>> ApplyAsync(MeetingChanged meeting, CancellationToken cancellationToken)
    {
        var rows = await db.Appointments.Where(a => meeting.AppointmentIds.Contains(a.AppointmentId)).ToListAsync(cancellationToken);
        var applied = new List<Guid>();
        foreach (var row in rows.Where(r => meeting.Version > r.MeetingVersion))
        {
            row.Meeting = JsonSerializer.Serialize(meeting, Json);
            row.MeetingVersion = meeting.Version;
            row.UpdatedAt = clock.GetUtcNow();
            applied.Add(row.AppointmentId);
        }
        await db.SaveChangesAsync(cancellationToken);
        // An appointment this module has not heard of yet still gets its workflows; the meeting waits on it when it comes.
        return [.. applied, .. meeting.AppointmentIds.Where(id => rows.All(r => r.AppointmentId != id))];
    }

    public async Task<(AppointmentChanged? Appointment, MeetingChanged? Meeting)> FindAsync(Guid? appointmentId, CancellationToken cancellationToken)
    {
        if (appointmentId is null)
        {
            return (null, null);
        }
        var row = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken);
        return row is null ? (null, null) : (Read(row), row.Meeting is null ? null : JsonSerializer.Deserialize<MeetingChanged>(row.Meeting, Json));
    }

    public static AppointmentChanged Read(WorkflowAppointment row) => JsonSerializer.Deserialize<AppointmentChanged>(row.Appointment, Json)!;
}
