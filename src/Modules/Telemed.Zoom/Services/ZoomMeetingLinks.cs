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
    ILogger<ZoomMeetingLinks> logger) : IMeetingLinks
{
    public const string LinkOnItsWay = "Your video link is on its way; it will appear here shortly.";
    public const string StoredStartUrlNote = "Zoom could not be reached just now, so this is the start link saved earlier; it may have expired.";

    public MeetingProviderKind Provider => MeetingProviderKind.Zoom;

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
            Reason = info.State is MeetingState.Pending or MeetingState.Failed ? LinkOnItsWay : info.Reason,
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
        if (meeting is not { State: ZoomMeetingRecord.Created, ZoomMeetingId: { } zoomId })
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
            return new MeetingInfo(MeetingProviderKind.Zoom, MeetingState.NotApplicable, null, null, null, appointment.Reason, 0, null);
        }

        if (meeting is null || !appointment.Active)
        {
            return new MeetingInfo(MeetingProviderKind.Zoom, MeetingState.Deleted, null, null, null, null, meeting?.Attempts ?? 0, meeting?.LastError);
        }

        var state = meeting.State switch
        {
            ZoomMeetingRecord.Created => MeetingState.Created,
            ZoomMeetingRecord.Failed => MeetingState.Failed,
            ZoomMeetingRecord.Deleted => MeetingState.Deleted,
            _ => MeetingState.Pending,
        };
        return new MeetingInfo(MeetingProviderKind.Zoom, state, meeting.JoinUrl, meeting.Passcode, null, null, meeting.Attempts, meeting.LastError);
    }
}
