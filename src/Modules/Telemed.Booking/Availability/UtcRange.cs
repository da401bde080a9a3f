namespace Telemed.Booking.Availability;

/// <summary>A half-open range of instants [From, To).</summary>
public readonly record struct UtcRange(DateTimeOffset From, DateTimeOffset To);
