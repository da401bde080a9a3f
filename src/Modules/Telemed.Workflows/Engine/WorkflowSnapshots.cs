using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Workflows.Data;

namespace Telemed.Workflows.Engine;

/// <summary>
/// The latest of each appointment and its slot's meeting, as their events told it. Events arrive through jobs and may
/// come late or twice: an appointment version older than the one kept (or a meeting event older than the one kept) changes nothing.
/// </summary>
public sealed class WorkflowSnapshots(WorkflowsDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps the appointment; false when the event is older than what is kept (and should start nothing).</summary>
    public async Task<bool> ApplyAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        var row = await db.Appointments.SingleOrDefaultAsync(a => a.AppointmentId == appointment.AppointmentId, cancellationToken);
        if (row is not null && !(appointment.Version > row.Version || (appointment.Version == 0 && row.Version == 0)))
        {
            return false;
        }
        if (row is null)
        {
            row = new WorkflowAppointment { AppointmentId = appointment.AppointmentId };
            db.Appointments.Add(row);
        }
        row.Version = appointment.Version;
        row.Appointment = JsonSerializer.Serialize(appointment, Json);
        row.SlotKey = appointment.SlotKey;
        row.StartUtc = appointment.StartUtc;
        row.Status = appointment.Status;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
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
