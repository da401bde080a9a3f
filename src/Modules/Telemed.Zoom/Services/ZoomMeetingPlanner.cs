using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Zoom.Data;
using Telemed.Zoom.Jobs;

namespace Telemed.Zoom.Services;

/// <summary>
/// Turns appointment changes into what the slot's meeting should be (exist or not, when, how long, ended), and
/// enqueues the sync job in the same transaction. It never calls Zoom, so a booking's meeting is "pending"
/// at once and the job does the provider work with retries. Also records why an appointment gets no meeting.
/// </summary>
public sealed class ZoomMeetingPlanner(
    ZoomDb db,
    ZoomSettingsStore settingsStore,
    IJobQueue jobs,
    TenantContext tenantContext,
    IOptions<ZoomOptions> options,
    TimeProvider clock,
    ILogger<ZoomMeetingPlanner> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PlanAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.HostId == appointment.HostId, cancellationToken);
        var (reasonCode, reason) = WhyNoMeeting(appointment, settings, connection);
        var live = appointment.Change is AppointmentChange.Booked or AppointmentChange.Rescheduled;
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync($"zoom-plan:{appointment.AppointmentId}", cancellationToken);
        var record = await db.Appointments.SingleOrDefaultAsync(a => a.AppointmentId == appointment.AppointmentId, cancellationToken);
        if (record is null)
        {
            record = new ZoomAppointment { AppointmentId = appointment.AppointmentId };
            db.Appointments.Add(record);
        }
        else if (appointment.Version < record.AppliedVersion)
        {
            // A retried delivery of an earlier change arrived after a later one: the later state stands.
            logger.LogInformation("Ignoring version {Version} of appointment {AppointmentId}: version {Applied} is already applied",
                appointment.Version, appointment.AppointmentId, record.AppliedVersion);
            return;
        }

        var previousSlot = record.SlotKey is { Length: > 0 } slot && slot != appointment.SlotKey ? slot : null;
        record.SlotKey = appointment.SlotKey;
        record.HostId = appointment.HostId;
        record.HostUserId = appointment.HostUserId;
        record.StartUtc = appointment.StartUtc;
        record.EndUtc = appointment.EndUtc;
        record.Active = live && reason is null;
        record.Reason = live ? reason : null;
        record.ReasonCode = live ? reasonCode : null;
        record.LastEvent = JsonSerializer.Serialize(appointment, Json);
        record.AppliedVersion = appointment.Version;
        record.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        var ended = appointment.Change is AppointmentChange.Completed or AppointmentChange.NoShow;
        await ReconcileSlotAsync(appointment.SlotKey, appointment, settings, ended, transaction, cancellationToken);
        if (previousSlot is not null)
        {
            await ReconcileSlotAsync(previousSlot, null, settings, ended: false, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Plans again the future appointments of a host that had none because Zoom was not connected.</summary>
    public async Task<int> ReplanWaitingAsync(Guid hostId, CancellationToken cancellationToken)
    {
        var waiting = await db.Appointments.AsNoTracking()
            .Where(a => a.HostId == hostId && a.ReasonCode != null && a.ReasonCode != ReasonCodes.NotTelemed && a.EndUtc > clock.GetUtcNow())
            .Select(a => a.LastEvent)
            .ToListAsync(cancellationToken);
        foreach (var json in waiting)
        {
            await PlanAsync(JsonSerializer.Deserialize<AppointmentChanged>(json, Json)!, cancellationToken);
        }

        return waiting.Count;
    }

    /// <summary>Asks the sync job to try a slot's meeting again (admin retry, or the host reconnected).</summary>
    public async Task<bool> RetrySlotAsync(string slotKey, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.Meetings.Where(m => m.SlotKey == slotKey).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.DesiredVersion, m => m.DesiredVersion + 1)
            .SetProperty(m => m.State, m => m.State == ZoomMeetingRecord.Failed ? ZoomMeetingRecord.Pending : m.State)
            .SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (changed > 0)
        {
            await jobs.EnqueueAsync(SyncZoomMeetingJob.Request(tenantContext.Required.Id, slotKey, options.Value.MeetingJobAttempts),
                db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed > 0;
    }

    /// <summary>
    /// Zoom says (its webhook, or a 404 on a call) that one of our meetings no longer exists there. The meeting is marked
    /// dead at once, so pages stop offering its link, and the sync job is asked to act: while the slot still has an
    /// appointment that is on (confirmed and not over) it makes a new meeting, otherwise it marks this one gone. A meeting
    /// we are removing ourselves (a cancellation, whose delete makes Zoom send this), one already forgotten or replaced,
    /// or another clinic's, is ignored. Only the report is written here; the job, under the slot's lock, changes the rest.
    /// </summary>
    public async Task<ZoomMeetingDeletion> MeetingDeletedAtZoomAsync(long zoomMeetingId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        var slotKey = await db.Meetings.Where(m => m.ZoomMeetingId == zoomMeetingId).Select(m => m.SlotKey).FirstOrDefaultAsync(cancellationToken);
        if (slotKey is null)
        {
            return ZoomMeetingDeletion.Ignored;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync($"zoom-plan-slot:{slotKey}", cancellationToken);
        var now = clock.GetUtcNow();
        var reported = await db.Meetings
            .Where(m => m.SlotKey == slotKey && m.ZoomMeetingId == zoomMeetingId && m.Wanted && m.State != ZoomMeetingRecord.Deleted)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.ZoomDeletedMeetingId, zoomMeetingId)
                .SetProperty(m => m.ZoomDeletedAt, deletedAt)
                .SetProperty(m => m.DesiredVersion, m => m.DesiredVersion + 1)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (reported == 0)
        {
            return ZoomMeetingDeletion.Ignored;
        }

        await jobs.EnqueueAsync(SyncZoomMeetingJob.Request(tenantContext.Required.Id, slotKey, options.Value.MeetingJobAttempts),
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
        var replace = await db.Meetings.AnyAsync(m => m.SlotKey == slotKey && !m.EndRequested, cancellationToken)
            && await AppointmentIsOnAsync(db, slotKey, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replace ? ZoomMeetingDeletion.Replacing : ZoomMeetingDeletion.Removed;
    }

    /// <summary>After a host (re)connects: plan the appointments that waited for it and retry its unfinished meetings.</summary>
    public async Task ResumeHostAsync(Guid hostId, CancellationToken cancellationToken)
    {
        await ReplanWaitingAsync(hostId, cancellationToken);
        var unfinished = await db.Meetings.AsNoTracking()
            .Where(m => m.HostId == hostId && m.SyncedVersion < m.DesiredVersion)
            .Select(m => m.SlotKey)
            .ToListAsync(cancellationToken);
        foreach (var slotKey in unfinished)
        {
            await RetrySlotAsync(slotKey, cancellationToken);
        }
    }

    private async Task ReconcileSlotAsync(string slotKey, AppointmentChanged? appointment, ZoomClinicSettings settings, bool ended,
        IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        // Group bookings of one slot are planned one by one, so the slot's row is never written by two at once.
        await LockAsync($"zoom-plan-slot:{slotKey}", cancellationToken);
        var anyActive = await db.Appointments.AnyAsync(a => a.SlotKey == slotKey && a.Active, cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.SlotKey == slotKey, cancellationToken);
        if (meeting is null && (!anyActive || appointment is null))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (meeting is null)
        {
            meeting = new ZoomMeetingRecord
            {
                Id = Guid.NewGuid(),
                SlotKey = slotKey,
                Marker = ZoomMeetingText.Marker(tenantContext.Required.Id, slotKey),
                Passcode = settings.RandomPasscode ? ZoomMeetingText.NewPasscode() : null,
                State = ZoomMeetingRecord.Pending,
                CreatedAt = now,
            };
            db.Meetings.Add(meeting);
        }

        if (anyActive && appointment is not null)
        {
            if (meeting.State == ZoomMeetingRecord.Deleted)
            {
                // Wanted again after removal: a new meeting, not the deleted one.
                meeting.ZoomMeetingId = null;
                meeting.JoinUrl = null;
                meeting.ProtectedStartUrl = null;
                meeting.CreateRequestedAt = null;
                meeting.LiveStatus = null;
            }

            var clinic = tenantContext.Required.Name;
            meeting.HostId = appointment.HostId;
            meeting.HostName = appointment.HostName;
            meeting.Topic = ZoomMeetingText.Topic(settings.TopicTemplate, appointment, clinic);
            meeting.Agenda = ZoomMeetingText.Agenda(settings.AgendaTemplate, appointment, clinic, meeting.Marker);
            meeting.StartUtc = appointment.StartUtc;
            meeting.DurationMinutes = Math.Max(1, (int)Math.Ceiling((appointment.EndUtc - appointment.StartUtc).TotalMinutes));
            meeting.TimeZone = appointment.HostTimeZone;
            meeting.Wanted = true;
            meeting.EndRequested = false;
            meeting.State = meeting.ZoomMeetingId is null || meeting.State != ZoomMeetingRecord.Created ? ZoomMeetingRecord.Pending : meeting.State;
        }
        else if (ended && !anyActive)
        {
            meeting.EndRequested = true;
        }
        else if (!anyActive)
        {
            meeting.Wanted = false;
        }

        meeting.DesiredVersion++;
        meeting.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(SyncZoomMeetingJob.Request(tenantContext.Required.Id, slotKey, options.Value.MeetingJobAttempts),
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
    }

    /// <summary>Whether a slot still has an appointment that is confirmed and not over, so its meeting is worth replacing.</summary>
    internal static Task<bool> AppointmentIsOnAsync(ZoomDb db, string slotKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Appointments.AnyAsync(a => a.SlotKey == slotKey && a.Active && a.EndUtc > now, cancellationToken);

    private Task LockAsync(string name, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLocks.KeyOf($"{tenantContext.Required.Id}:{name}")})", cancellationToken);

    private static (string? Code, string? Reason) WhyNoMeeting(AppointmentChanged appointment, ZoomClinicSettings settings, ZoomConnection? connection) =>
        !appointment.Telemed ? (ReasonCodes.NotTelemed, "This service is not a video consultation, so no Zoom meeting is made.")
        : !settings.Enabled ? (ReasonCodes.ZoomDisabled, "Zoom is turned off for this clinic, so no meeting is made.")
        : connection is null ? (ReasonCodes.HostNotConnected, $"{appointment.HostName} has not connected Zoom yet, so no meeting is made.")
        : !connection.IsConnected ? (ReasonCodes.ConnectionLost, $"{appointment.HostName}'s Zoom connection was lost; a meeting is made once they reconnect Zoom.")
        : (null, null);
}

/// <summary>What became of a meeting Zoom reported deleted.</summary>
public enum ZoomMeetingDeletion
{
    /// <summary>Not a meeting we still count on (ours being removed, already replaced, or unknown here).</summary>
    Ignored,

    /// <summary>Its appointment is on: a new meeting is being made.</summary>
    Replacing,

    /// <summary>Its appointment is over or off: marked gone, nothing new made.</summary>
    Removed,
}

/// <summary>Why an appointment has no Zoom meeting.</summary>
public static class ReasonCodes
{
    public const string NotTelemed = "not_telemed";
    public const string ZoomDisabled = "zoom_disabled";
    public const string HostNotConnected = "host_not_connected";
    public const string ConnectionLost = "connection_lost";
}
