using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telemed.Core.Clinic;
using Telemed.Zoom.Data;

namespace Telemed.Zoom.Services;

/// <summary>
/// Meeting links for pages. The patient's view never carries the start URL or internal errors; the host's view
/// fetches a fresh start URL from Zoom when asked (Zoom's expire about two hours after issue) and falls back to
/// the stored one, saying so, only when Zoom cannot be reached.
/// </summary>
public sealed class ZoomMeetingLinks(
    ZoomDb db,
    ZoomApiClient api,
    ZoomAccessTokens tokens,
    ZoomSecrets secrets,
    ZoomMeetingPlanner planner,
    TimeProvider clock,
    ILogger<ZoomMeetingLinks> logger) : IMeetingLinks
{
    public const string LinkOnItsWay = "Your video link is on its way; it will appear here shortly.";
    public const string NewLinkPending = "Your meeting link is pending: the video meeting is being set up again, and the new link will appear here shortly.";
    public const string StoredStartUrlNote = "Zoom could not be reached just now, so this is the start link saved earlier; it may have expired.";

    public string Provider => ZoomStartup.ProviderId;

    public async Task<MeetingInfo?> GetForPatientAsync(Guid appointmentId, CancellationToken cancellationToken = default)
    {
        var (appointment, meeting) = await FindAsync(appointmentId, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var info = Describe(appointment, meeting);
        return info with
        {
            StartUrl = null,
            LastError = null,
            Attempts = 0,
            Reason = info.State is MeetingState.Pending or MeetingState.Failed
                ? meeting?.ZoomDeletedAt is null ? LinkOnItsWay : NewLinkPending
                : appointment.Reason,
            JoinUrl = info.State == MeetingState.Created ? info.JoinUrl : null,
            Passcode = info.State == MeetingState.Created ? info.Passcode : null,
        };
    }

    public async Task<MeetingInfo?> GetForHostAsync(Guid appointmentId, bool freshStartUrl, CancellationToken cancellationToken = default)
    {
        var (appointment, meeting) = await FindAsync(appointmentId, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var info = Describe(appointment, meeting);
        if (info.State != MeetingState.Created || meeting is not { ZoomMeetingId: { } zoomId })
        {
            return info;
        }

        info = info with { StartLink = $"/zoom/appointments/{appointmentId}/start" };
        var stored = meeting.ProtectedStartUrl is null ? null : secrets.UnprotectStartUrl(meeting.ProtectedStartUrl);
        if (!freshStartUrl)
        {
            return info with { StartUrl = stored };
        }

        try
        {
            var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.HostId == meeting.HostId, cancellationToken)
                ?? throw new ZoomConnectionLostException("The host has no Zoom connection.");
            var details = await api.GetMeetingAsync(tokens.For(connection.Id), zoomId, cancellationToken);
            if (details.StartUrl is { } fresh)
            {
                var protectedUrl = secrets.ProtectStartUrl(fresh);
                await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.ProtectedStartUrl, protectedUrl), cancellationToken);
                return info with { StartUrl = fresh };
            }
        }
        catch (ZoomApiException exception) when (exception.IsMeetingGone)
        {
            // Deleted at Zoom and nobody told us: never send the host to it; have it replaced and say so.
            logger.LogWarning("Zoom meeting {MeetingId} is gone at Zoom at Start session: {Error}", zoomId, exception.Message);
            var deletedAt = clock.GetUtcNow();
            var replacing = await planner.MeetingDeletedAtZoomAsync(zoomId, deletedAt, cancellationToken) == ZoomMeetingDeletion.Replacing;
            var state = replacing ? MeetingState.Pending : MeetingState.Deleted;
            return info with
            {
                State = state,
                JoinUrl = null,
                StartUrl = null,
                StartLink = null,
                Reason = DeletionNotice(zoomId, deletedAt, state) + (replacing ? " Start session works again as soon as it exists, in a moment." : ""),
            };
        }
        catch (ZoomApiException exception)
        {
            logger.LogWarning("Fetching a fresh start link for Zoom meeting {MeetingId} failed; using the stored one: {Error}", zoomId, exception.Message);
        }

        return info with { StartUrl = stored, Reason = StoredStartUrlNote };
    }

    public async Task<bool> RetryAsync(Guid appointmentId, CancellationToken cancellationToken = default)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken);
        return appointment is not null && await planner.RetrySlotAsync(appointment.SlotKey, cancellationToken);
    }

    private async Task<(ZoomAppointment? Appointment, ZoomMeetingRecord? Meeting)> FindAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return (null, null);
        }

        var meeting = appointment.Reason is null
            ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == appointment.SlotKey, cancellationToken)
            : null;
        return (appointment, meeting);
    }

    /// <summary>The full view (for staff); the patient's is cut down from it.</summary>
    private static MeetingInfo Describe(ZoomAppointment appointment, ZoomMeetingRecord? meeting)
    {
        if (appointment.Reason is not null)
        {
            return new MeetingInfo(ZoomStartup.ProviderId, MeetingState.NotApplicable, null, null, null, appointment.Reason, 0, null);
        }

        if (meeting is null || !appointment.Active)
        {
            return new MeetingInfo(ZoomStartup.ProviderId, MeetingState.Deleted, null, null, null, DeletionNotice(meeting, MeetingState.Deleted),
                meeting?.Attempts ?? 0, meeting?.LastError);
        }

        // Reported deleted at Zoom and not yet replaced: its link is dead, so it is offered to nobody.
        var dead = meeting.ZoomMeetingId is not null && meeting.ZoomMeetingId == meeting.ZoomDeletedMeetingId;
        var state = meeting.State switch
        {
            _ when dead => meeting.Wanted ? MeetingState.Pending : MeetingState.Deleted,
            ZoomMeetingRecord.Created => MeetingState.Created,
            ZoomMeetingRecord.Failed => MeetingState.Failed,
            ZoomMeetingRecord.Deleted => MeetingState.Deleted,
            _ => MeetingState.Pending,
        };
        return new MeetingInfo(ZoomStartup.ProviderId, state, dead ? null : meeting.JoinUrl, meeting.Passcode, null, DeletionNotice(meeting, state),
            meeting.Attempts, meeting.LastError);
    }

    /// <summary>What staff are told when a meeting of the appointment was deleted at Zoom; null when none was.</summary>
    private static string? DeletionNotice(ZoomMeetingRecord? meeting, MeetingState state) =>
        meeting is { ZoomDeletedAt: { } at, ZoomDeletedMeetingId: { } id } ? DeletionNotice(id, at, state) : null;

    private static string DeletionNotice(long zoomMeetingId, DateTimeOffset at, MeetingState state) =>
        $"Meeting {zoomMeetingId} was deleted at Zoom on {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC; " + state switch
        {
            MeetingState.Created => "a new meeting was created.",
            MeetingState.Pending => "a new meeting is being created.",
            MeetingState.Failed => "creating a new meeting failed so far (see the error).",
            _ => "no new meeting was made, as the appointment is over or cancelled.",
        };
}
