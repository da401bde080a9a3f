namespace Telemed.Zoom.Models;

// Zoom's JSON shapes as far as the product uses them; (de)serialized in snake_case, nulls left out.

public sealed record ZoomMeetingRequest
{
    public string? Topic { get; init; }
    public int? Type { get; init; }
    public string? StartTime { get; init; }
    public int? Duration { get; init; }
    public string? Timezone { get; init; }
    public string? Agenda { get; init; }
    public string? Password { get; init; }
    public ZoomMeetingSettingsRequest? Settings { get; init; }
}

public sealed record ZoomMeetingSettingsRequest
{
    public bool? HostVideo { get; init; }
    public bool? ParticipantVideo { get; init; }
    public bool? JoinBeforeHost { get; init; }
    public bool? MuteUponEntry { get; init; }
    public bool? WaitingRoom { get; init; }
    public int? ApprovalType { get; init; }
    public string? AutoRecording { get; init; }
    public bool? PrivateMeeting { get; init; }
    public bool? EmailNotification { get; init; }
}

public sealed record ZoomMeetingDetails
{
    public long Id { get; init; }
    public string? Topic { get; init; }
    public string? Status { get; init; }
    public string? StartTime { get; init; }
    public int Duration { get; init; }
    public string? Agenda { get; init; }
    public string? JoinUrl { get; init; }
    public string? StartUrl { get; init; }
    public string? Password { get; init; }
}

public sealed record ZoomMeetingPage
{
    public string? NextPageToken { get; init; }
    public IReadOnlyList<ZoomMeetingDetails> Meetings { get; init; } = [];
}

public sealed record ZoomUserInfo
{
    public string Id { get; init; } = "";
    public string? AccountId { get; init; }
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
}

public sealed record ZoomErrorAnswer
{
    public int? Code { get; init; }
    public string? Message { get; init; }
}
