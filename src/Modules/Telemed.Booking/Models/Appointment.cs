using Telemed.Core.Data;

namespace Telemed.Booking.Models;

/// <summary>The states an appointment moves through.</summary>
public static class AppointmentStatus
{
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";
    public const string NoShow = "no-show";

    public static readonly IReadOnlyList<string> All = [Confirmed, Cancelled, Completed, NoShow];

    public static string Label(string status) => status switch
    {
        Confirmed => "Confirmed",
        Cancelled => "Cancelled",
        Completed => "Completed",
        NoShow => "No-show",
        _ => status,
    };
}

/// <summary>One patient's booking of a host's time. Its seat is held in <see cref="SlotHold"/>.</summary>
public sealed class Appointment : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid HostId { get; set; }
    public Guid SlotId { get; set; }

    /// <summary>Set when the patient was signed in; otherwise they manage it through the signed link.</summary>
    public Guid? PatientUserId { get; set; }

    public string PatientName { get; set; } = "";
    public string PatientEmail { get; set; } = "";
    public string? PatientPhone { get; set; }
    public string? PatientTimeZone { get; set; }
    public string? Notes { get; set; }

    public DateTimeOffset StartUtc { get; set; }
    public DateTimeOffset EndUtc { get; set; }
    public string HostTimeZone { get; set; } = "UTC";

    public string Status { get; set; } = AppointmentStatus.Confirmed;
    public string? CancellationReason { get; set; }

    /// <summary>"patient", "staff" or the staff member's name: who cancelled.</summary>
    public string? CancelledBy { get; set; }

    public List<RescheduleEntry> Reschedules { get; set; } = [];

    /// <summary>The client's Idempotency-Key when booked through the API: a retried request finds this appointment instead of booking again.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>What the keyed request asked for (<see cref="Services.BookingIdempotency"/>), so the same key with another request is refused.</summary>
    public string? IdempotencyFingerprint { get; set; }

    /// <summary>Raised on every change; a stale edit fails instead of overwriting, and calendars use it as SEQUENCE.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public int DurationMinutes => (int)(EndUtc - StartUtc).TotalMinutes;

    public bool IsConfirmed => Status == AppointmentStatus.Confirmed;

    public bool HasEnded(DateTimeOffset now) => EndUtc <= now;
}

/// <summary>A move of an appointment: from where, to where, when and by whom.</summary>
public sealed record RescheduleEntry(DateTimeOffset FromUtc, DateTimeOffset ToUtc, DateTimeOffset AtUtc, string By);

/// <summary>
/// The host's time a slot occupies, buffers included. The database refuses two active holds of one
/// host that overlap; group bookings of one slot share the row and take seats in it.
/// </summary>
public sealed class SlotHold : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid HostId { get; set; }
    public Guid ServiceId { get; set; }
    public DateTimeOffset StartUtc { get; set; }
    public DateTimeOffset EndUtc { get; set; }
    public int BufferBeforeMinutes { get; set; }
    public int BufferAfterMinutes { get; set; }
    public int Capacity { get; set; }
    public int SeatsTaken { get; set; }
}
