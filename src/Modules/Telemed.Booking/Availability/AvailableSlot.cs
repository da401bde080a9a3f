namespace Telemed.Booking.Availability;

/// <summary>A bookable slot: UTC instants (offset zero) and the seats still free in it.</summary>
public readonly record struct AvailableSlot(DateTimeOffset Start, DateTimeOffset End, int SeatsLeft);
