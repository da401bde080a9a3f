namespace Telemed.Meetings.Links;

/// <summary>When people may use a meeting: the one rule every page follows (it travels in <c>MeetingInfo</c>).</summary>
public static class MeetingWindows
{
    /// <summary>The patient's Join opens this long before the start and stays until the end.</summary>
    public static readonly TimeSpan JoinOpensBefore = TimeSpan.FromMinutes(10);

    /// <summary>The host's Start session opens this long before the start and stays until the end.</summary>
    public static readonly TimeSpan StartOpensBefore = TimeSpan.FromMinutes(15);
}
