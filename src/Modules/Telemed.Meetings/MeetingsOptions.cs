namespace Telemed.Meetings;

/// <summary>How meetings are kept in step, bound from the "Meetings" configuration section.</summary>
public sealed class MeetingsOptions
{
    /// <summary>Attempts of a meeting job before it is dead-lettered (the admin can still retry it).</summary>
    public int MeetingJobAttempts { get; set; } = 20;

    /// <summary>Refresh a host connection's access token this long before it expires.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// For providers that do not report deletions: how long before the start a meeting is looked up at the provider,
    /// so one deleted there (the host removed the calendar event) is replaced before anyone needs its link.
    /// </summary>
    public TimeSpan[] VerifyBeforeStart { get; set; } = [];

    // Arrays default to empty because configuration binding appends to, rather than replaces, preset items.
    internal IReadOnlyList<TimeSpan> EffectiveVerifyBeforeStart =>
        VerifyBeforeStart.Length > 0 ? VerifyBeforeStart : [TimeSpan.FromHours(24), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)];
}
