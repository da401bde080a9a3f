using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Booking.Services;

namespace Telemed.Booking.IntegrationTests;

/// <summary>Reads and arranges appointments directly, for what HTTP cannot set up (an appointment already under way).</summary>
public static class Appointments
{
    public static Task<Appointment> FindAsync(BookingHost host, BookingClinic clinic, Guid id) =>
        host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<BookingDb>().Appointments.AsNoTracking().SingleAsync(a => a.Id == id));

    public static Task<Appointment> FindByTokenAsync(BookingHost host, BookingClinic clinic, string token) =>
        host.InTenantAsync(clinic.Tenant, async services =>
        {
            var id = services.GetRequiredService<ManageLinks>().ReadToken(token) ?? throw new InvalidOperationException("token does not read");
            return await services.GetRequiredService<BookingDb>().Appointments.AsNoTracking().SingleAsync(a => a.Id == id);
        });

    /// <summary>An appointment that started <paramref name="startedAgo"/> ago, holding its seat like a real booking.</summary>
    public static Task<Appointment> StartedAsync(BookingHost host, BookingClinic clinic, Guid hostId, TimeSpan startedAgo, string patient = "Walk In")
        => host.InTenantAsync(clinic.Tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            var start = DateTimeOffset.UtcNow - startedAgo;
            var slot = new SlotHold { Id = Guid.NewGuid(), HostId = hostId, ServiceId = clinic.Consultation, StartUtc = start, EndUtc = start.AddMinutes(30), Capacity = 1, SeatsTaken = 1 };
            var appointment = new Appointment
            {
                ServiceId = clinic.Consultation, HostId = hostId, SlotId = slot.Id, PatientName = patient,
                PatientEmail = $"{patient.Replace(' ', '.').ToLowerInvariant()}@example.test", StartUtc = start, EndUtc = start.AddMinutes(30), HostTimeZone = "UTC",
            };
            await using var connection = await services.GetRequiredService<Telemed.Core.Data.Database>().OpenAsync(clinic.Tenant.Id);
            await using (var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO booking_slots (id, tenant_id, host_id, service_id, start_utc, end_utc, buffer_before_minutes, buffer_after_minutes, busy, capacity, seats_taken)
                VALUES (@id, @tenant, @host, @service, @start, @end, 0, 0, tstzrange(@start, @end), 1, 1)
                """, connection))
            {
                insert.Parameters.AddWithValue("id", slot.Id);
                insert.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
                insert.Parameters.AddWithValue("host", hostId);
                insert.Parameters.AddWithValue("service", clinic.Consultation);
                insert.Parameters.AddWithValue("start", start.UtcDateTime);
                insert.Parameters.AddWithValue("end", start.AddMinutes(30).UtcDateTime);
                await insert.ExecuteNonQueryAsync();
            }
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment;
        });
}
