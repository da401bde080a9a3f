namespace Telemed.Booking.Availability;

/// <summary>How a service cuts a host's open time into slots.</summary>
public sealed record SlotRules
{
    public required TimeSpan Duration { get; init; }

    /// <summary>Real time between consecutive slot starts; the duration when null.</summary>
    public TimeSpan? Step { get; init; }

    /// <summary>Preparation time before each appointment that no other appointment's time may touch.</summary>
    public TimeSpan BufferBefore { get; init; }

    /// <summary>Wrap-up time after each appointment that no other appointment's time may touch.</summary>
    public TimeSpan BufferAfter { get; init; }

    /// <summary>The earliest start offered is now + notice.</summary>
    public TimeSpan MinimumNotice { get; init; }

    /// <summary>The latest start offered is now + horizon; no limit when null.</summary>
    public TimeSpan? Horizon { get; init; }

    /// <summary>Seats per slot: 1 for an individual service, more for a group.</summary>
    public int Capacity { get; init; } = 1;

    /// <summary>Identifies the service so that its own group bookings share a slot.</summary>
    public string? ServiceId { get; init; }

    internal TimeSpan EffectiveStep => Step ?? Duration;

    internal void Validate()
    {
        if (Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException("The slot duration must be positive.");
        }

        if (EffectiveStep <= TimeSpan.Zero)
        {
            throw new ArgumentException("The slot step must be positive.");
        }

        if (BufferBefore < TimeSpan.Zero || BufferAfter < TimeSpan.Zero || MinimumNotice < TimeSpan.Zero)
        {
            throw new ArgumentException("Buffers and minimum notice cannot be negative.");
        }

        if (Horizon < TimeSpan.Zero)
        {
            throw new ArgumentException("The booking horizon cannot be negative.");
        }

        if (Capacity < 1)
        {
            throw new ArgumentException("A slot needs at least one seat.");
        }
    }
}
