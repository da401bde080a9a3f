namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>A meeting as the sandbox stores it. Immutable: the store swaps whole records under its lock.</summary>
public sealed record ZoomMeeting
{
    public required long Id { get; init; }

    /// <summary>Identifies one run of the meeting; a new one is minted each time it starts.</summary>
    public required string Uuid { get; init; }

    public required string HostId { get; init; }
    public required string HostEmail { get; init; }
    public required string Topic { get; init; }
    public required int Type { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required int Duration { get; init; }
    public required string Timezone { get; init; }
    public string? Agenda { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string Password { get; init; } = "";
    public ZoomMeetingSettings Settings { get; init; } = new();

    /// <summary>"waiting" or "started".</summary>
    public string Status { get; init; } = "waiting";

    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    public int UpdateCount { get; init; }

    /// <summary>Query of the delete call (schedule_for_reminder, cancel_meeting_reminder), so tests can see what was asked.</summary>
    public string? DeleteQuery { get; init; }

    public bool IsDeleted => DeletedAt is not null;

    public DateTimeOffset EndTime => StartTime.AddMinutes(Duration);
}

/// <summary>The meeting settings the sandbox keeps (the subset the product sets, plus a few Zoom always echoes).</summary>
public sealed record ZoomMeetingSettings
{
    public bool HostVideo { get; init; }
    public bool ParticipantVideo { get; init; }
    public bool JoinBeforeHost { get; init; }
    public int JbhTime { get; init; }
    public bool MuteUponEntry { get; init; }
    public bool WaitingRoom { get; init; }
    public int ApprovalType { get; init; } = 2;
    public string Audio { get; init; } = "both";
    public string AutoRecording { get; init; } = "none";
    public bool MeetingAuthentication { get; init; }
    public bool EmailNotification { get; init; } = true;
    public bool PrivateMeeting { get; init; }
    public bool UsePmi { get; init; }
    public bool Watermark { get; init; }
    public string AlternativeHosts { get; init; } = "";
    public bool AlternativeHostsEmailNotification { get; init; } = true;
    public string EncryptionType { get; init; } = "enhanced_encryption";
}
