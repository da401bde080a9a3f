namespace Telemed.Booking.Availability;

/// <summary>
/// Replaces the weekly windows on one local date. No windows means the host is closed that date.
/// Several overrides for the same date add their windows together.
/// </summary>
public sealed record DateOverride(DateOnly Date, IReadOnlyList<LocalTimeWindow> Windows)
{
    public static DateOverride Closed(DateOnly date) => new(date, []);
}
