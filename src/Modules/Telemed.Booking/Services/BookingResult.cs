using Telemed.Booking.Models;

namespace Telemed.Booking.Services;

/// <summary>Why a booking change did not happen; each maps to one clear message and HTTP status.</summary>
public enum BookingFailure
{
    None,
    NotFound,
    Invalid,
    InThePast,
    Unavailable,
    Taken,
    TooLateToChange,
    Changed,

    /// <summary>The Idempotency-Key was first used for a different request.</summary>
    KeyReused,
}

/// <summary>The appointment after a change, or why the change was refused.</summary>
public sealed record BookingResult(Appointment? Appointment, BookingFailure Failure, string Message)
{
    public const string TakenMessage = "This time was just taken. Please choose another time.";

    public bool Succeeded => Failure == BookingFailure.None;

    /// <summary>The appointment was booked earlier by a request with the same Idempotency-Key; nothing new was booked.</summary>
    public bool Replayed { get; init; }

    public static BookingResult Ok(Appointment appointment) => new(appointment, BookingFailure.None, "");

    public static BookingResult Fail(BookingFailure failure, string message) => new(null, failure, message);

    public static BookingResult Taken() => Fail(BookingFailure.Taken, TakenMessage);

    /// <summary>The HTTP status a page or endpoint answers with.</summary>
    public int StatusCode => Failure switch
    {
        BookingFailure.None => 200,
        BookingFailure.NotFound => 404,
        BookingFailure.Taken or BookingFailure.Changed => 409,
        BookingFailure.TooLateToChange => 403,
        _ => 422,
    };
}

/// <summary>Who the patient is. Validated by the page before it reaches the service.</summary>
public sealed record PatientInfo(string Name, string Email, string? Phone, string? TimeZone, string? Notes, Guid? UserId);

/// <summary>
/// A request for one slot: a given host, or any host offering it when <see cref="HostId"/> is null. Staff
/// (<see cref="ByStaff"/>) may book inside the service's minimum notice; nobody may book over another booking.
/// </summary>
public sealed record BookingRequest(Guid ServiceId, Guid? HostId, DateTimeOffset Start, int Minutes, PatientInfo Patient, bool ByStaff = false)
{
    /// <summary>The client's Idempotency-Key (API bookings): one key books at most one appointment.</summary>
    public string? IdempotencyKey { get; init; }
}
