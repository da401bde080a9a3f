using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Testing;

/// <summary>
/// Appointments no booking path would make (one that started minutes ago, a walk-in entered late), written with their
/// slot hold the way the booking module stores them. No events are published: no meeting or message follows.
/// </summary>
public static class SeededAppointments
{
    public static Task<Guid> InsertAsync(TestHost host, Tenant clinic, Guid hostId, Guid serviceId, DateTimeOffset start, int minutes, string patient,
        string patientEmail = "walk.in@example.test") => host.InTenantAsync(clinic, async services =>
    {
        var db = services.GetRequiredService<BookingDb>();
        var hostZone = (await db.Hosts.FindAsync(hostId))!.TimeZone;
        var slotId = Guid.NewGuid();
        var end = start.AddMinutes(minutes);
        await using (var connection = await services.GetRequiredService<Database>().OpenAsync(clinic.Id))
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO booking_slots (id, tenant_id, host_id, service_id, start_utc, end_utc, buffer_before_minutes, buffer_after_minutes, busy, capacity, seats_taken)
            VALUES (@id, @tenant, @host, @service, @start, @end, 0, 0, tstzrange(@start, @end), 1, 1)
            """, connection))
        {
            insert.Parameters.AddWithValue("id", slotId);
            insert.Parameters.AddWithValue("tenant", clinic.Id);
            insert.Parameters.AddWithValue("host", hostId);
            insert.Parameters.AddWithValue("service", serviceId);
            insert.Parameters.AddWithValue("start", start.UtcDateTime);
            insert.Parameters.AddWithValue("end", end.UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }
        var appointment = new Appointment
        {
            ServiceId = serviceId, HostId = hostId, SlotId = slotId, PatientName = patient, PatientEmail = patientEmail,
            StartUtc = start, EndUtc = end, HostTimeZone = hostZone,
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    });
}
