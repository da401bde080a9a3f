using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Webhooks;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>Starting, ending and deleting meetings, with the meeting.started / meeting.ended / meeting.deleted webhooks Zoom sends for them.</summary>
public sealed class ZoomMeetingLifecycle(ZoomMeetingStore meetings, ZoomUserDirectory users, ZoomWebhookSender webhooks, TimeProvider clock)
{
    /// <summary>
    /// Starts the meeting (a new uuid for this run) and, unless told not to, announces it; a running meeting is
    /// left as it is. Returns null for an unknown or deleted meeting.
    /// </summary>
    public ZoomMeeting? Start(long meetingId, bool announce = true)
    {
        var started = false;
        var meeting = meetings.Change(meetingId, m =>
        {
            if (m.IsDeleted || m.Status == "started")
            {
                return m;
            }

            started = true;
            return m with { Status = "started", Uuid = ZoomMeetingEditor.NewUuid(), StartedAt = clock.GetUtcNow(), EndedAt = null };
        });

        if (started && announce && users.Find(meeting!.HostId) is { } host)
        {
            webhooks.Publish(ZoomWebhookEvents.MeetingStarted(meeting, host, clock.GetUtcNow()));
        }

        return meeting is { IsDeleted: false } ? meeting : null;
    }

    /// <summary>Ends a running meeting and announces it; a meeting that is not running is left as it is.</summary>
    public ZoomMeeting? End(long meetingId, bool announce = true)
    {
        var ended = false;
        var meeting = meetings.Change(meetingId, m =>
        {
            if (m.IsDeleted || m.Status != "started")
            {
                return m;
            }

            ended = true;
            return m with { Status = "waiting", EndedAt = clock.GetUtcNow() };
        });

        if (ended && announce && users.Find(meeting!.HostId) is { } host)
        {
            webhooks.Publish(ZoomWebhookEvents.MeetingEnded(meeting, host, clock.GetUtcNow()));
        }

        return meeting is { IsDeleted: false } ? meeting : null;
    }

    /// <summary>
    /// Deletes a meeting that is not running, as the API's DELETE or the host in Zoom's web portal does, and, unless told
    /// not to, announces it with <c>meeting.deleted</c>. Returns the deleted meeting; null for an unknown or already
    /// deleted one, and the meeting unchanged (not deleted) when it is in progress.
    /// </summary>
    public ZoomMeeting? Delete(long meetingId, ZoomUser operatorUser, string? deleteQuery, bool announce = true)
    {
        var deleted = false;
        var meeting = meetings.Change(meetingId, m =>
        {
            if (m.IsDeleted || m.Status == "started")
            {
                return m;
            }

            deleted = true;
            return m with { DeletedAt = clock.GetUtcNow(), DeleteQuery = deleteQuery };
        });

        if (meeting is null || (meeting.IsDeleted && !deleted))
        {
            return null;
        }

        if (deleted && announce && users.Find(meeting.HostId) is { } host)
        {
            webhooks.Publish(ZoomWebhookEvents.MeetingDeleted(meeting, host, operatorUser, clock.GetUtcNow()));
        }

        return meeting;
    }
}
