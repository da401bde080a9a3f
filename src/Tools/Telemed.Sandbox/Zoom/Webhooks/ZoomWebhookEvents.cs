using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Meetings;

namespace Telemed.Sandbox.Zoom.Webhooks;

/// <summary>A webhook envelope: <c>{"event": ..., "event_ts": ms since epoch, "payload": {...}}</c>.</summary>
public sealed record ZoomWebhookEvent(string Event, long EventTs, object Payload);

/// <summary>Builds the payloads of the events the sandbox sends, shaped as Zoom sends them.</summary>
public static class ZoomWebhookEvents
{
    public const string UrlValidationEvent = "endpoint.url_validation";
    public const string AppDeauthorizedEvent = "app_deauthorized";
    public const string MeetingStartedEvent = "meeting.started";
    public const string MeetingEndedEvent = "meeting.ended";
    public const string MeetingDeletedEvent = "meeting.deleted";

    public static ZoomWebhookEvent UrlValidation(string plainToken, DateTimeOffset now) =>
        new(UrlValidationEvent, now.ToUnixTimeMilliseconds(), new UrlValidationPayload(plainToken));

    public static ZoomWebhookEvent AppDeauthorized(ZoomUser user, string clientId, bool userDataRetention, DateTimeOffset now)
    {
        var time = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        var signature = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.AccountId}:{user.Id}:{time}")));
        return new(AppDeauthorizedEvent, now.ToUnixTimeMilliseconds(), new DeauthorizationPayload(
            user.AccountId, user.Id, signature, time, clientId, userDataRetention ? "true" : "false"));
    }

    public static ZoomWebhookEvent MeetingStarted(ZoomMeeting meeting, ZoomUser host, DateTimeOffset now) =>
        new(MeetingStartedEvent, now.ToUnixTimeMilliseconds(), new MeetingPayload(host.AccountId, MeetingObject(meeting, null)));

    public static ZoomWebhookEvent MeetingEnded(ZoomMeeting meeting, ZoomUser host, DateTimeOffset now) =>
        new(MeetingEndedEvent, now.ToUnixTimeMilliseconds(), new MeetingPayload(host.AccountId, MeetingObject(meeting, now)));

    /// <summary>
    /// <c>meeting.deleted</c>, sent whoever deleted it: the host in Zoom's web portal or an app through the API (the app
    /// that deleted it is told too). <paramref name="operatorUser"/> is who did it. Unlike the started and ended events,
    /// Zoom's object id is a number here.
    /// </summary>
    public static ZoomWebhookEvent MeetingDeleted(ZoomMeeting meeting, ZoomUser host, ZoomUser operatorUser, DateTimeOffset now) =>
        new(MeetingDeletedEvent, now.ToUnixTimeMilliseconds(), new MeetingDeletedPayload(host.AccountId, operatorUser.Email, operatorUser.Id, "single",
            new DeletedMeetingObject(meeting.Id, meeting.Uuid, meeting.HostId, meeting.Topic, meeting.Type, ZoomMeetingPresenter.FormatTime(meeting.StartTime),
                meeting.Duration, meeting.Timezone)));

    // In webhooks the meeting id is a string, although the REST API returns a number.
    private static MeetingEventObject MeetingObject(ZoomMeeting meeting, DateTimeOffset? endedAt) => new(
        meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        meeting.Uuid,
        meeting.HostId,
        meeting.Topic,
        meeting.Type,
        ZoomMeetingPresenter.FormatTime(meeting.StartedAt ?? meeting.StartTime),
        meeting.Timezone,
        meeting.Duration,
        endedAt is { } end ? ZoomMeetingPresenter.FormatTime(end) : null);

    public sealed record UrlValidationPayload([property: JsonPropertyName("plainToken")] string PlainToken);

    public sealed record DeauthorizationPayload(
        string AccountId,
        string UserId,
        string Signature,
        string DeauthorizationTime,
        string ClientId,
        string UserDataRetention);

    public sealed record MeetingPayload(string AccountId, MeetingEventObject Object);

    public sealed record MeetingDeletedPayload(string AccountId, string Operator, string OperatorId, string Operation, DeletedMeetingObject Object);

    public sealed record DeletedMeetingObject(long Id, string Uuid, string HostId, string Topic, int Type, string StartTime, int Duration, string Timezone);

    public sealed record MeetingEventObject(
        string Id,
        string Uuid,
        string HostId,
        string Topic,
        int Type,
        string StartTime,
        string Timezone,
        int Duration,
        string? EndTime);
}
