using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Telemed.Booking.Data;

namespace Telemed.Booking.Services;

/// <summary>
/// One Idempotency-Key books at most one appointment. The key is stored on the appointment it booked, under a unique
/// index, in the booking's own transaction: a retry after a lost answer, or a second copy racing the first, finds that
/// appointment instead of booking again, and no crash between "booked" and "remembered" can exist.
/// </summary>
public sealed class BookingIdempotency(BookingDb db)
{
    public const int MaxKeyLength = 255;
    public const string IndexName = "booking_appointments_idempotency";

    /// <summary>What the request asked for, so a key reused for another request is refused rather than answered with the wrong booking.</summary>
    public static string Fingerprint(BookingRequest request)
    {
        var text = string.Join('\n',
            request.ServiceId.ToString("N"), request.HostId?.ToString("N") ?? "any",
            request.Start.UtcTicks.ToString(CultureInfo.InvariantCulture), request.Minutes.ToString(CultureInfo.InvariantCulture),
            request.Patient.Name.Trim(), request.Patient.Email.Trim().ToLowerInvariant(), request.Patient.Phone?.Trim() ?? "",
            request.Patient.TimeZone ?? "", request.Patient.Notes?.Trim() ?? "");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The earlier answer to this key: the appointment it booked, a refusal when the request differs, or null when the key is new.</summary>
    public async Task<BookingResult?> ReplayAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is not { } key)
        {
            return null;
        }
        var earlier = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.IdempotencyKey == key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }
        return earlier.IdempotencyFingerprint == Fingerprint(request)
            ? BookingResult.Ok(earlier) with { Replayed = true }
            : BookingResult.Fail(BookingFailure.KeyReused,
                "This Idempotency-Key was already used for a different booking request. Use a new key for a new booking.");
    }

    /// <summary>The save lost to a concurrent request with the same key.</summary>
    public static bool IsDuplicateKey(Exception exception) =>
        exception.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: IndexName };
}
