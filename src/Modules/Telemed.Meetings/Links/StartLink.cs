using Telemed.Core.Clinic;

namespace Telemed.Meetings.Links;

/// <summary>The host's start link (<see cref="Url"/>), or why there is none (<see cref="WhyNone"/>).</summary>
public sealed record StartLink(MeetingInfo? Meeting, string? Url, string? WhyNone)
{
    /// <summary>False when the provider could not be reached and the stored link, which may have expired, is given.</summary>
    public bool Fresh => Meeting?.Reason != MeetingNotices.StoredStartUrlNote;
}
