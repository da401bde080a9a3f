namespace Telemed.Booking.Availability;

/// <summary>A recurring window of the host's week, in the host's wall-clock time.</summary>
public readonly record struct WeeklyWindow(DayOfWeek Day, LocalTimeWindow Window);
