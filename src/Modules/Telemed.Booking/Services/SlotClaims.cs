using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Telemed.Booking.Models;

namespace Telemed.Booking.Services;

/// <summary>
/// Takes and gives back seats in <c>booking_slots</c> inside the caller's transaction. The database
/// decides: the insert-or-increment is atomic per slot row, and the exclusion constraint refuses
/// any hold that overlaps another of the same host, whichever node asks.
/// </summary>
internal static class SlotClaims
{
    /// <summary>The constraint said no: another booking holds this time (or the group is full).</summary>
    public const string ExclusionViolation = "23P01";

    /// <summary>Takes one seat; returns the slot row's id, or null when the slot has no seat left.</summary>
    public static async Task<Guid?> TakeSeatAsync(DbConnection connection, DbTransaction transaction, Guid tenantId,
        HostProfile host, Service service, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO booking_slots AS s (id, tenant_id, host_id, service_id, start_utc, end_utc,
              buffer_before_minutes, buffer_after_minutes, busy, capacity, seats_taken)
            VALUES (@id, @tenant, @host, @service, @start, @end, @before, @after, @busy, @capacity, 1)
            ON CONFLICT (tenant_id, host_id, service_id, start_utc, end_utc) DO UPDATE
              SET seats_taken = s.seats_taken + 1,
                  capacity = EXCLUDED.capacity,
                  buffer_before_minutes = EXCLUDED.buffer_before_minutes,
                  buffer_after_minutes = EXCLUDED.buffer_after_minutes,
                  busy = EXCLUDED.busy
              WHERE s.seats_taken < EXCLUDED.capacity
            RETURNING id
            """, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var busy = new NpgsqlRange<DateTime>(
            (start - TimeSpan.FromMinutes(service.BufferBeforeMinutes)).UtcDateTime, true,
            (end + TimeSpan.FromMinutes(service.BufferAfterMinutes)).UtcDateTime, false);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("host", host.Id);
        command.Parameters.AddWithValue("service", service.Id);
        command.Parameters.AddWithValue("start", start.UtcDateTime);
        command.Parameters.AddWithValue("end", end.UtcDateTime);
        command.Parameters.AddWithValue("before", service.BufferBeforeMinutes);
        command.Parameters.AddWithValue("after", service.BufferAfterMinutes);
        command.Parameters.Add(new NpgsqlParameter("busy", NpgsqlDbType.TimestampTzRange) { Value = busy });
        command.Parameters.AddWithValue("capacity", service.Capacity);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    public static async Task GiveBackSeatAsync(DbConnection connection, DbTransaction transaction, Guid slotId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE booking_slots SET seats_taken = seats_taken - 1 WHERE id = @id AND seats_taken > 0",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("id", slotId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether a failure means "someone else got this time first".</summary>
    public static bool IsTaken(Exception exception) =>
        exception.GetBaseException() is PostgresException { SqlState: ExclusionViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
