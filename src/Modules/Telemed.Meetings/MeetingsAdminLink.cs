namespace Telemed.Meetings;

/// <summary>A provider module's own admin page (its settings), listed beside the meetings pages.</summary>
public sealed record MeetingsAdminLink(string Title, string Path);
