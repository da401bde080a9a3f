namespace Telemed.Booking.Availability;

/// <summary>
/// Slots whose start lies in [From, To), judged at the instant <see cref="Now"/> (notice and horizon
/// count from it). The engine never reads a clock.
/// </summary>
public readonly record struct AvailabilityQuery(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now)
{
    public AvailabilityQuery(UtcRange range, DateTimeOffset now)
        : this(range.From, range.To, now)
    {
    }
}
