using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Clinic;
using Telemed.Notifications.Data;

namespace Telemed.Notifications.Services;

/// <summary>
/// The last version of each appointment this module applied. Events arrive through jobs and may come late or twice:
/// one older than (or as old as) what was applied is ignored.
/// </summary>
public sealed class AppointmentStates(NotificationsDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether the event is newer than the one applied (and so should be acted on).</summary>
    public async Task<bool> IsNewAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        var applied = await db.Appointments.AsNoTracking().Where(a => a.AppointmentId == appointment.AppointmentId).Select(a => (int?)a.Version).SingleOrDefaultAsync(cancellationToken);
        return applied is null || appointment.Version > applied || (appointment.Version == 0 && applied == 0);
    }

    public async Task ApplyAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        var row = await db.Appointments.SingleOrDefaultAsync(a => a.AppointmentId == appointment.AppointmentId, cancellationToken);
        if (row is null)
        {
            row = new NotifiedAppointment { AppointmentId = appointment.AppointmentId };
            db.Appointments.Add(row);
        }
        row.Version = appointment.Version;
        row.Status = appointment.Status;
        row.PatientName = appointment.PatientName;
        row.StartUtc = appointment.StartUtc;
        row.LastEvent = JsonSerializer.Serialize(appointment, Json);
        row.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AppointmentChanged?> FindAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        var json = await db.Appointments.AsNoTracking().Where(a => a.AppointmentId == appointmentId).Select(a => a.LastEvent).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<AppointmentChanged>(json, Json);
    }

    /// <summary>Recent and upcoming appointments, for the editor's "preview with a real appointment".</summary>
    public async Task<IReadOnlyList<NotifiedAppointment>> RecentAsync(int take, CancellationToken cancellationToken) =>
        await db.Appointments.AsNoTracking().OrderByDescending(a => a.StartUtc).Take(take).ToListAsync(cancellationToken);
}
