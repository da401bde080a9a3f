using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telemed.Core.Tenancy;
using Telemed.Zoom.Data;
using Telemed.Zoom.Models;

namespace Telemed.Zoom.Services;

/// <summary>
/// Makes Zoom match a slot's planned meeting: create (or adopt one an earlier, unanswered attempt made), move,
/// end, delete. Runs under a per-slot advisory lock, so duplicate or overlapping jobs for one slot queue up and
/// the later ones find nothing left to do. Zoom errors propagate to the job, which decides when to retry.
/// </summary>
public sealed class ZoomMeetingSynchronizer(
    ZoomDb db,
    ZoomApiClient api,
    ZoomAccessTokens tokens,
    ZoomSettingsStore settingsStore,
    ZoomSecrets secrets,
    PostgresLocks locks,
    TenantContext tenantContext,
    TimeProvider clock,
    ILogger<ZoomMeetingSynchronizer> logger)
{
    public async Task SyncAsync(string slotKey, CancellationToken cancellationToken)
    {
        await using var slotLock = await locks.AcquireAsync($"zoom-meeting:{tenantContext.Required.Id}:{slotKey}", cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.SlotKey == slotKey, cancellationToken);
        if (meeting is null || meeting.SyncedVersion >= meeting.DesiredVersion)
        {
            return;
        }

        var version = meeting.DesiredVersion;
        meeting.Attempts++;
        if (meeting.ZoomMeetingId is { } current && current == meeting.ZoomDeletedMeetingId)
        {
            // Reported deleted at Zoom: forget it, and make a new one while its appointment is on.
            meeting.ForgetDeletedAtZoom(meeting.ZoomDeletedAt ?? clock.GetUtcNow(), await ShouldReplaceAsync(meeting, cancellationToken));
        }

        await SaveAsync(meeting, cancellationToken);

        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.HostId == meeting.HostId, cancellationToken);
        if (connection is not { IsConnected: true })
        {
            await WithoutConnectionAsync(meeting, connection, cancellationToken);
        }
        else
        {
            try
            {
                await ApplyPlanAsync(meeting, tokens.For(connection.Id), cancellationToken);
            }
            catch (ZoomConnectionLostException exception)
            {
                await tokens.MarkLostAsync(connection.Id, "Zoom no longer accepts this connection; the host needs to connect Zoom again.", CancellationToken.None);
                throw new ZoomConnectionLostException($"{meeting.HostName}'s Zoom connection was lost: {exception.Message}", exception);
            }
        }

        meeting.SyncedVersion = version;
        meeting.LastError = meeting.State == ZoomMeetingRecord.Failed ? meeting.LastError : null;
        await SaveAsync(meeting, cancellationToken);
    }

    public async Task<string> HostNameOfAsync(string slotKey, CancellationToken cancellationToken) =>
        await db.Meetings.Where(m => m.SlotKey == slotKey).Select(m => m.HostName).SingleOrDefaultAsync(cancellationToken) ?? "The host";

    /// <summary>Records a failure the job is going to retry (pending) or give up on (failed).</summary>
    public async Task RecordFailureAsync(string slotKey, string error, bool failed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Meetings.Where(m => m.SlotKey == slotKey).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.State, m => failed && m.Wanted && m.ZoomMeetingId == null ? ZoomMeetingRecord.Failed : m.State)
            .SetProperty(m => m.UpdatedAt, now), cancellationToken);
    }

    private async Task ApplyPlanAsync(ZoomMeetingRecord meeting, IZoomAccess access, CancellationToken cancellationToken)
    {
        if (!meeting.Wanted)
        {
            await RemoveAsync(meeting, access, cancellationToken);
            return;
        }

        await EnsureCreatedAsync(meeting, access, cancellationToken);
        await EnsureScheduleAsync(meeting, access, cancellationToken);
        if (meeting.EndRequested)
        {
            await EndIfRunningAsync(meeting, access, cancellationToken);
        }
    }

    private async Task EnsureCreatedAsync(ZoomMeetingRecord meeting, IZoomAccess access, CancellationToken cancellationToken)
    {
        if (meeting.ZoomMeetingId is not null)
        {
            return;
        }

        if (meeting.CreateRequestedAt is not null && await FindByMarkerAsync(meeting, access, cancellationToken) is { } earlier)
        {
            // An earlier create reached Zoom but its answer never reached us: adopt it instead of making a second one.
            logger.LogInformation("Adopting Zoom meeting {MeetingId} for slot {Slot} created by an earlier attempt", earlier.Id, meeting.SlotKey);
            Apply(meeting, await api.GetMeetingAsync(access, earlier.Id, cancellationToken));
            meeting.AppliedStartUtc = null;
            return;
        }

        var settings = await settingsStore.GetAsync(cancellationToken);
        meeting.CreateRequestedAt = clock.GetUtcNow();
        await SaveAsync(meeting, cancellationToken);
        var created = await api.CreateMeetingAsync(access, new ZoomMeetingRequest
        {
            Topic = meeting.Topic,
            Type = 2,
            StartTime = FormatUtc(meeting.StartUtc),
            Duration = meeting.DurationMinutes,
            Timezone = meeting.TimeZone,
            Agenda = meeting.Agenda,
            Password = meeting.Passcode,
            Settings = new ZoomMeetingSettingsRequest
            {
                HostVideo = settings.HostVideo,
                ParticipantVideo = settings.ParticipantVideo,
                JoinBeforeHost = settings.JoinBeforeHost && !settings.WaitingRoom,
                MuteUponEntry = settings.MuteUponEntry,
                WaitingRoom = settings.WaitingRoom,
                ApprovalType = 2,
                AutoRecording = "none",
                PrivateMeeting = true,
                EmailNotification = false,
            },
        }, cancellationToken);
        Apply(meeting, created);
        meeting.AppliedStartUtc = meeting.StartUtc;
        meeting.AppliedDurationMinutes = meeting.DurationMinutes;
        meeting.AppliedTopic = meeting.Topic;
        await SaveAsync(meeting, cancellationToken);
    }

    private async Task EnsureScheduleAsync(ZoomMeetingRecord meeting, IZoomAccess access, CancellationToken cancellationToken)
    {
        if (meeting.AppliedStartUtc == meeting.StartUtc && meeting.AppliedDurationMinutes == meeting.DurationMinutes && meeting.AppliedTopic == meeting.Topic)
        {
            return;
        }

        try
        {
            await api.UpdateMeetingAsync(access, meeting.ZoomMeetingId!.Value, new ZoomMeetingRequest
            {
                Topic = meeting.Topic,
                StartTime = FormatUtc(meeting.StartUtc),
                Duration = meeting.DurationMinutes,
                Timezone = meeting.TimeZone,
                Agenda = meeting.Agenda,
            }, cancellationToken);
        }
        catch (ZoomApiException exception) when (exception.IsMeetingGone)
        {
            // Deleted at Zoom behind our back (its webhook lost or not yet here): a new one for the appointment.
            logger.LogWarning("Zoom meeting {MeetingId} of slot {Slot} is gone at Zoom; creating a new one", meeting.ZoomMeetingId, meeting.SlotKey);
            meeting.ForgetDeletedAtZoom(clock.GetUtcNow(), await ShouldReplaceAsync(meeting, cancellationToken));
            await SaveAsync(meeting, cancellationToken);
            if (meeting.Wanted)
            {
                await EnsureCreatedAsync(meeting, access, cancellationToken);
            }

            return;
        }

        meeting.AppliedStartUtc = meeting.StartUtc;
        meeting.AppliedDurationMinutes = meeting.DurationMinutes;
        meeting.AppliedTopic = meeting.Topic;
        meeting.State = ZoomMeetingRecord.Created;
        await SaveAsync(meeting, cancellationToken);
    }

    private async Task EndIfRunningAsync(ZoomMeetingRecord meeting, IZoomAccess access, CancellationToken cancellationToken)
    {
        if (meeting.ZoomMeetingId is not { } id)
        {
            return;
        }

        ZoomMeetingDetails current;
        try
        {
            current = await api.GetMeetingAsync(access, id, cancellationToken);
        }
        catch (ZoomApiException exception) when (exception.IsMeetingGone)
        {
            // Nothing left to end; the appointment is over, so no new one either.
            meeting.ForgetDeletedAtZoom(clock.GetUtcNow(), replace: false);
            return;
        }

        if (current.Status == "started")
        {
            await api.EndMeetingAsync(access, id, cancellationToken);
        }

        meeting.LiveStatus = current.Status == "started" || meeting.LiveStatus == "started" ? "ended" : meeting.LiveStatus;
    }

    private async Task RemoveAsync(ZoomMeetingRecord meeting, IZoomAccess access, CancellationToken cancellationToken)
    {
        if (meeting.ZoomMeetingId is null && meeting.CreateRequestedAt is not null
            && await FindByMarkerAsync(meeting, access, cancellationToken) is { } orphan)
        {
            meeting.ZoomMeetingId = orphan.Id;
        }

        if (meeting.ZoomMeetingId is { } id)
        {
            try
            {
                await api.DeleteMeetingAsync(access, id, cancellationToken);
            }
            catch (ZoomApiException exception) when (exception.Code == 3002)
            {
                // In progress: end it, then delete.
                await api.EndMeetingAsync(access, id, cancellationToken);
                await api.DeleteMeetingAsync(access, id, cancellationToken);
            }
        }

        MarkDeleted(meeting);
    }

    private async Task WithoutConnectionAsync(ZoomMeetingRecord meeting, ZoomConnection? connection, CancellationToken cancellationToken)
    {
        var why = connection is null
            ? $"{meeting.HostName} has no Zoom connection"
            : $"{meeting.HostName}'s Zoom connection was lost";
        if (!meeting.Wanted)
        {
            // Nothing can be removed at Zoom without the host's grant; Zoom drops its copy when the app is removed.
            MarkDeleted(meeting);
            meeting.LastError = meeting.ZoomMeetingId is null ? null : why + ", so the meeting could not be removed at Zoom.";
            return;
        }

        if (meeting.ZoomMeetingId is null)
        {
            meeting.State = ZoomMeetingRecord.Failed;
            meeting.LastError = why + "; the meeting is made once they reconnect Zoom.";
            await SaveAsync(meeting, cancellationToken);
            throw new ZoomConnectionLostException(meeting.LastError);
        }
    }

    private async Task<bool> ShouldReplaceAsync(ZoomMeetingRecord meeting, CancellationToken cancellationToken) =>
        meeting.Wanted && !meeting.EndRequested
        && await ZoomMeetingPlanner.AppointmentIsOnAsync(db, meeting.SlotKey, clock.GetUtcNow(), cancellationToken);

    private async Task<ZoomMeetingDetails?> FindByMarkerAsync(ZoomMeetingRecord meeting, IZoomAccess access, CancellationToken cancellationToken) =>
        (await api.ListMeetingsAsync(access, cancellationToken))
            .Where(m => m.Agenda?.Contains(meeting.Marker, StringComparison.Ordinal) == true)
            .OrderBy(m => m.Id)
            .FirstOrDefault();

    private void Apply(ZoomMeetingRecord meeting, ZoomMeetingDetails details)
    {
        meeting.ZoomMeetingId = details.Id;
        meeting.JoinUrl = details.JoinUrl;
        meeting.ProtectedStartUrl = details.StartUrl is null ? null : secrets.ProtectStartUrl(details.StartUrl);
        meeting.Passcode = string.IsNullOrEmpty(details.Password) ? meeting.Passcode : details.Password;
        meeting.State = ZoomMeetingRecord.Created;
        meeting.LastError = null;
    }

    private static void MarkDeleted(ZoomMeetingRecord meeting)
    {
        meeting.State = ZoomMeetingRecord.Deleted;
        meeting.ProtectedStartUrl = null;
        meeting.JoinUrl = null;
    }

    private async Task SaveAsync(ZoomMeetingRecord meeting, CancellationToken cancellationToken)
    {
        meeting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string FormatUtc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
