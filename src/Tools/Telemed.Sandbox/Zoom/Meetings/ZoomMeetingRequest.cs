namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>Body of a create or update call. Every field is optional: on update only the fields sent change.</summary>
public sealed record ZoomMeetingRequest
{
    public string? Topic { get; init; }
    public int? Type { get; init; }
    public string? StartTime { get; init; }
    public int? Duration { get; init; }
    public string? Timezone { get; init; }
    public string? Agenda { get; init; }
    public string? Password { get; init; }
    public bool? DefaultPassword { get; init; }
    public string? ScheduleFor { get; init; }
    public ZoomMeetingSettingsRequest? Settings { get; init; }
}

public sealed record ZoomMeetingSettingsRequest
{
    public bool? HostVideo { get; init; }
    public bool? ParticipantVideo { get; init; }
    public bool? JoinBeforeHost { get; init; }
    public int? JbhTime { get; init; }
    public bool? MuteUponEntry { get; init; }
    public bool? WaitingRoom { get; init; }
    public int? ApprovalType { get; init; }
    public string? Audio { get; init; }
    public string? AutoRecording { get; init; }
    public bool? MeetingAuthentication { get; init; }
    public bool? EmailNotification { get; init; }
    public bool? PrivateMeeting { get; init; }
    public bool? Watermark { get; init; }
    public string? AlternativeHosts { get; init; }
}
