namespace Telemed.Meetings;

/// <summary>How meetings are kept in step, bound from the "Meetings" configuration section.</summary>
public sealed class MeetingsOptions
{
    /// <summary>Attempts of a meeting job before it is dead-lettered (the admin can still retry it).</summary>
    public int MeetingJobAttempts { get; set; } = 20;

    /// <summary>Refresh a host connection's access token this long before it expires.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(2);
}
