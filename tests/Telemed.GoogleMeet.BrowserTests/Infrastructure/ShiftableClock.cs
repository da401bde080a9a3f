namespace Telemed.GoogleMeet.BrowserTests.Infrastructure;

/// <summary>The real clock, moved forward by <see cref="Offset"/>, so a test can stand just before an appointment it booked.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
