namespace Telemed.Booking.Availability;

/// <summary>
/// Time the host is away, as a range of the host's wall-clock time [LocalStart, LocalEnd).
/// It may span many days; no slot that overlaps it is offered.
/// </summary>
public sealed record OutOfOffice
{
    public OutOfOffice(DateTime localStart, DateTime localEnd, string? label = null)
    {
        if (localEnd <= localStart)
        {
            throw new ArgumentException("Out-of-office time must end after it starts.", nameof(localEnd));
        }

        LocalStart = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
        LocalEnd = DateTime.SpecifyKind(localEnd, DateTimeKind.Unspecified);
        Label = label;
    }

    public DateTime LocalStart { get; }

    public DateTime LocalEnd { get; }

    /// <summary>Shown to staff ("Conference", "Holiday"); never to patients.</summary>
    public string? Label { get; }

    /// <summary>Whole local days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static OutOfOffice WholeDays(DateOnly first, DateOnly last, string? label = null) =>
        new(first.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue), label);

    /// <summary>A window of one local day.</summary>
    public static OutOfOffice Window(DateOnly date, LocalTimeWindow window, string? label = null)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new(midnight + window.Start, midnight + window.End, label);
    }
}
