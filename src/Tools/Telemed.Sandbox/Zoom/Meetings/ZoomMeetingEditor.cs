using System.Globalization;
using System.Security.Cryptography;
using Telemed.Sandbox.Zoom.Accounts;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>Validates a create/update body with Zoom's rules and applies it to a meeting.</summary>
public static class ZoomMeetingEditor
{
    private const string InvalidField = "Invalid field.";
    private const string PasscodeAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static readonly int[] MeetingTypes = [1, 2, 3, 8];
    private static readonly int[] JbhTimes = [0, 5, 10];
    private static readonly string[] AudioTypes = ["both", "telephony", "voip", "thirdParty"];
    private static readonly string[] RecordingTypes = ["local", "cloud", "none"];

    public static EditResult Create(ZoomMeetingRequest request, ZoomUser host, long id, DateTimeOffset now, bool generatePasscode)
    {
        var errors = Validate(request);
        var timezone = request.Timezone ?? host.Timezone;
        var start = ParseStart(request.StartTime, timezone, errors);
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        var type = request.Type ?? 2;
        if (start is null && type is 2 or 8)
        {
            // Zoom turns a scheduled meeting without a start time into an instant one.
            type = 1;
        }

        var password = request.Password
            ?? (request.DefaultPassword == true || generatePasscode ? GeneratePasscode() : "");

        return EditResult.Valid(new ZoomMeeting
        {
            Id = id,
            Uuid = NewUuid(),
            HostId = host.Id,
            HostEmail = host.Email,
            Topic = request.Topic ?? "Zoom Meeting",
            Type = type,
            StartTime = type is 1 or 3 ? Truncate(now) : start!.Value,
            Duration = request.Duration ?? 60,
            Timezone = timezone,
            Agenda = request.Agenda,
            CreatedAt = Truncate(now),
            Password = password,
            Settings = ApplySettings(new ZoomMeetingSettings(), request.Settings),
        });
    }

    public static EditResult Update(ZoomMeeting meeting, ZoomMeetingRequest request, DateTimeOffset now)
    {
        var errors = Validate(request);
        var timezone = request.Timezone ?? meeting.Timezone;
        var start = ParseStart(request.StartTime, timezone, errors);
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        return EditResult.Valid(meeting with
        {
            Topic = request.Topic ?? meeting.Topic,
            Type = request.Type ?? meeting.Type,
            // Zoom ignores a start time in the past on update.
            StartTime = start is { } s && s >= now ? s : meeting.StartTime,
            Duration = request.Duration ?? meeting.Duration,
            Timezone = timezone,
            Agenda = request.Agenda ?? meeting.Agenda,
            Password = request.Password ?? meeting.Password,
            Settings = ApplySettings(meeting.Settings, request.Settings),
            UpdateCount = meeting.UpdateCount + 1,
        });
    }

    public static string NewUuid() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    private static List<ZoomFieldError> Validate(ZoomMeetingRequest request)
    {
        var errors = new List<ZoomFieldError>();
        void Check(bool valid, string field)
        {
            if (!valid)
            {
                errors.Add(new ZoomFieldError(field, InvalidField));
            }
        }

        Check(request.Topic is not { Length: > 200 }, "topic");
        Check(request.Agenda is not { Length: > 2000 }, "agenda");
        Check(request.Type is null || MeetingTypes.Contains(request.Type.Value), "type");
        Check(request.Duration is not < 0, "duration");
        Check(request.Password is null || IsValidPasscode(request.Password), "password");
        Check(request.Timezone is null || TryFindZone(request.Timezone, out _), "timezone");

        if (request.Settings is { } settings)
        {
            Check(settings.JbhTime is null || JbhTimes.Contains(settings.JbhTime.Value), "settings.jbh_time");
            Check(settings.ApprovalType is null or >= 0 and <= 2, "settings.approval_type");
            Check(settings.Audio is null || AudioTypes.Contains(settings.Audio), "settings.audio");
            Check(settings.AutoRecording is null || RecordingTypes.Contains(settings.AutoRecording), "settings.auto_recording");
        }

        return errors;
    }

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ssZ</c> (UTC) or a local <c>yyyy-MM-ddTHH:mm:ss</c> in the meeting's zone.</summary>
    private static DateTimeOffset? ParseStart(string? value, string timezone, List<ZoomFieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return Truncate(utc);
        }

        if (DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && TryFindZone(timezone, out var zone)
            && !zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        }

        errors.Add(new ZoomFieldError("start_time", InvalidField));
        return null;
    }

    private static ZoomMeetingSettings ApplySettings(ZoomMeetingSettings current, ZoomMeetingSettingsRequest? request)
    {
        if (request is null)
        {
            return current;
        }

        var settings = current with
        {
            HostVideo = request.HostVideo ?? current.HostVideo,
            ParticipantVideo = request.ParticipantVideo ?? current.ParticipantVideo,
            JoinBeforeHost = request.JoinBeforeHost ?? current.JoinBeforeHost,
            JbhTime = request.JbhTime ?? current.JbhTime,
            MuteUponEntry = request.MuteUponEntry ?? current.MuteUponEntry,
            WaitingRoom = request.WaitingRoom ?? current.WaitingRoom,
            ApprovalType = request.ApprovalType ?? current.ApprovalType,
            Audio = request.Audio ?? current.Audio,
            AutoRecording = request.AutoRecording ?? current.AutoRecording,
            MeetingAuthentication = request.MeetingAuthentication ?? current.MeetingAuthentication,
            EmailNotification = request.EmailNotification ?? current.EmailNotification,
            PrivateMeeting = request.PrivateMeeting ?? current.PrivateMeeting,
            Watermark = request.Watermark ?? current.Watermark,
            AlternativeHosts = request.AlternativeHosts ?? current.AlternativeHosts,
        };

        // With a waiting room on, Zoom disables join-before-host.
        return settings.WaitingRoom ? settings with { JoinBeforeHost = false } : settings;
    }

    private static bool IsValidPasscode(string value) =>
        value.Length <= 10 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '-' or '_' or '*');

    private static string GeneratePasscode() =>
        new(RandomNumberGenerator.GetItems<char>(PasscodeAlphabet, 8));

    private static bool TryFindZone(string id, out TimeZoneInfo zone) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);

    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

public sealed record EditResult(ZoomMeeting? Meeting, IReadOnlyList<ZoomFieldError> Errors)
{
    public static EditResult Valid(ZoomMeeting meeting) => new(meeting, []);

    public static EditResult Invalid(IReadOnlyList<ZoomFieldError> errors) => new(null, errors);
}
