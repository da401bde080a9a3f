namespace Telemed.Booking.Availability;

/// <summary>
/// Time the host is already committed: an existing appointment (with its own service's buffers)
/// or any other busy time (ServiceId null).
/// </summary>
/// <param name="ServiceId">The service booked; bookings of the queried group service at exactly
/// the candidate's start and end share its seats instead of blocking it.</param>
/// <param name="Seats">Seats this booking takes in a group slot.</param>
public readonly record struct BusyInterval(
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan BufferBefore = default,
    TimeSpan BufferAfter = default,
    string? ServiceId = null,
    int Seats = 1);
