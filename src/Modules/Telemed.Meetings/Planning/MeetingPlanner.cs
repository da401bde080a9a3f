using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;
using Telemed.Meetings.Sync;

namespace Telemed.Meetings.Planning;

/// <summary>
/// Turns appointment changes into what the slot's meeting should be (see <see cref="MeetingPlan"/>) and enqueues the
/// sync job in the same transaction. It never calls a provider's service, so a booking's meeting is "pending" at once
/// and the job does the provider work with retries. Also records why an appointment gets no meeting.
/// </summary>
public sealed class MeetingPlanner(
    MeetingsDb db,
    MeetingProviderRegistry providers,
    IJobQueue jobs,
    TenantContext tenantContext,
    IOptions<MeetingsOptions> options,
    TimeProvider clock,
    ILogger<MeetingPlanner> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PlanAsync(AppointmentChanged appointment, MeetingIntent intent, CancellationToken cancellationToken)
    {
        var readiness = await ReadinessAsync(appointment, cancellationToken);
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync($"meeting-plan:{appointment.AppointmentId}", cancellationToken);
        var record = await db.Appointments.SingleOrDefaultAsync(a => a.AppointmentId == appointment.AppointmentId, cancellationToken);
        if (MeetingPlan.IsLate(appointment, record))
        {
            logger.LogInformation("Ignoring version {Version} of appointment {AppointmentId}: version {Applied} is already applied",
                appointment.Version, appointment.AppointmentId, record!.AppliedVersion);
            return;
        }

        if (record is null)
        {
            record = new MeetingAppointment { AppointmentId = appointment.AppointmentId };
            db.Appointments.Add(record);
        }

        var cancelled = await db.Meetings.Where(m => m.SlotKey == appointment.SlotKey && m.CancelReason != null)
            .Select(m => m.CancelReason).FirstOrDefaultAsync(cancellationToken);
        var noMeeting = MeetingPlan.WhyNoMeeting(appointment, readiness, cancelled);
        var live = intent == MeetingIntent.Live;
        var previousSlot = record.SlotKey is { Length: > 0 } slot && slot != appointment.SlotKey ? slot : null;
        record.SlotKey = appointment.SlotKey;
        record.Provider = readiness?.Id ?? appointment.MeetingProvider;
        record.HostId = appointment.HostId;
        record.HostUserId = appointment.HostUserId;
        record.HostName = appointment.HostName;
        record.PatientName = appointment.PatientName;
        record.PatientEmail = appointment.PatientEmail;
        record.StartUtc = appointment.StartUtc;
        record.EndUtc = appointment.EndUtc;
        record.Active = live && noMeeting is null;
        record.Reason = live ? noMeeting?.Reason : null;
        record.ReasonCode = live ? noMeeting?.Code : null;
        record.LastEvent = JsonSerializer.Serialize(appointment, Json);
        record.AppliedVersion = appointment.Version;
        record.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        await ReconcileSlotAsync(appointment.SlotKey, appointment, readiness, intent == MeetingIntent.Ended, transaction, cancellationToken);
        if (previousSlot is not null)
        {
            await ReconcileSlotAsync(previousSlot, null, null, ended: false, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Plans again the future appointments of a host that had no meeting because of their connection.</summary>
    public async Task<int> ReplanWaitingAsync(Guid hostId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.Appointments.AsNoTracking()
            .Where(a => a.HostId == hostId && (a.ReasonCode == ReasonCodes.HostNotConnected || a.ReasonCode == ReasonCodes.ConnectionLost) && a.EndUtc > now)
            .Select(a => a.LastEvent)
            .ToListAsync(cancellationToken);
        foreach (var json in waiting)
        {
            var appointment = JsonSerializer.Deserialize<AppointmentChanged>(json, Json)!;
            await PlanAsync(appointment, MeetingPlan.IntentOf(appointment.Change), cancellationToken);
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
            .SetProperty(m => m.State, m => m.State == MeetingRecord.Failed ? MeetingRecord.Pending : m.State)
            .SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (changed > 0)
        {
            await EnqueueSyncAsync(slotKey, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed > 0;
    }

    /// <summary>
    /// The provider says (its webhook, or a 404 on a call) that one of our meetings no longer exists there. The meeting is
    /// marked dead at once, so pages stop offering its link, and the sync job is asked to act: while the slot still has an
    /// appointment that is on (confirmed and not over) it makes a new meeting, otherwise it marks this one gone. A meeting
    /// we are removing ourselves (a cancellation, whose delete makes the provider send this), one already forgotten or
    /// replaced, or another clinic's, is ignored. Only the report is written here; the job, under the slot's lock, changes the rest.
    /// </summary>
    public async Task<MeetingDeletion> MeetingDeletedAtProviderAsync(string provider, string externalId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        var slotKey = await db.Meetings.Where(m => m.Provider == provider && m.ExternalId == externalId).Select(m => m.SlotKey).FirstOrDefaultAsync(cancellationToken);
        if (slotKey is null)
        {
            return MeetingDeletion.Ignored;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync($"meeting-plan-slot:{slotKey}", cancellationToken);
        var now = clock.GetUtcNow();
        var reported = await db.Meetings
            .Where(m => m.SlotKey == slotKey && m.ExternalId == externalId && m.Wanted && m.State != MeetingRecord.Deleted)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.DeletedAtProviderId, externalId)
                .SetProperty(m => m.DeletedAtProviderAt, deletedAt)
                .SetProperty(m => m.DesiredVersion, m => m.DesiredVersion + 1)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (reported == 0)
        {
            return MeetingDeletion.Ignored;
        }

        await EnqueueSyncAsync(slotKey, transaction, cancellationToken);
        var replace = await db.Meetings.AnyAsync(m => m.SlotKey == slotKey && !m.EndRequested, cancellationToken)
            && await AppointmentIsOnAsync(db, slotKey, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replace ? MeetingDeletion.Replacing : MeetingDeletion.Removed;
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

    internal Task EnqueueSyncAsync(string slotKey, IDbContextTransaction transaction, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(SyncMeetingJob.Request(tenantContext.Required.Id, slotKey, options.Value.MeetingJobAttempts),
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);

    /// <summary>Serialises planning of one slot across nodes: group bookings of a slot never write its row at once.</summary>
    internal Task LockAsync(string name, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLocks.KeyOf($"{tenantContext.Required.Id}:{name}")})", cancellationToken);

    private async Task ReconcileSlotAsync(string slotKey, AppointmentChanged? appointment, ProviderReadiness? readiness, bool ended,
        IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await LockAsync($"meeting-plan-slot:{slotKey}", cancellationToken);
        var anyActive = await db.Appointments.AnyAsync(a => a.SlotKey == slotKey && a.Active, cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.SlotKey == slotKey, cancellationToken);
        var provider = readiness?.Provider;
        if (meeting is null && (!anyActive || appointment is null || provider is null))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (meeting is null)
        {
            meeting = MeetingPlan.NewMeeting(slotKey, provider!.Id, MeetingMarker.For(tenantContext.Required.Id, slotKey),
                await provider.NewPasscodeAsync(cancellationToken), now);
            db.Meetings.Add(meeting);
        }

        // The meeting's own provider describes it: a meeting that exists stays where it is.
        var describer = providers.Find(meeting.ExternalId is null ? provider?.Id : meeting.Provider) ?? provider;
        var text = anyActive && appointment is not null && describer is not null
            ? await describer.DescribeAsync(appointment, tenantContext.Required.Name, meeting.Marker, cancellationToken)
            : null;
        MeetingPlan.Reconcile(meeting, anyActive, appointment, provider?.Id, text, ended, now);
        await db.SaveChangesAsync(cancellationToken);
        await EnqueueSyncAsync(slotKey, transaction, cancellationToken);
    }

    private async Task<ProviderReadiness?> ReadinessAsync(AppointmentChanged appointment, CancellationToken cancellationToken)
    {
        if (!appointment.Telemed || appointment.MeetingProvider == MeetingProviders.None)
        {
            return null;
        }

        var connections = await db.Connections.AsNoTracking().Where(c => c.HostId == appointment.HostId).ToListAsync(cancellationToken);
        var id = MeetingPlan.ProviderFor(appointment.MeetingProvider, connections, providers.All.Select(p => p.Id).ToList());
        if (id is null)
        {
            return null;
        }

        var provider = providers.Find(id);
        var unavailable = provider is null ? null : await provider.WhyUnavailableAsync(cancellationToken);
        return new ProviderReadiness(id, providers.NameOf(id), provider, unavailable, connections.FirstOrDefault(c => c.Provider == id));
    }

    /// <summary>Whether a slot still has an appointment that is confirmed and not over, so its meeting is worth replacing.</summary>
    internal static Task<bool> AppointmentIsOnAsync(MeetingsDb db, string slotKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Appointments.AnyAsync(a => a.SlotKey == slotKey && a.Active && a.EndUtc > now, cancellationToken);
}

/// <summary>What became of a meeting its provider reported deleted.</summary>
public enum MeetingDeletion
{
    /// <summary>Not a meeting we still count on (ours being removed, already replaced, or unknown here).</summary>
    Ignored,

    /// <summary>Its appointment is on: a new meeting is being made.</summary>
    Replacing,

    /// <summary>Its appointment is over or off: marked gone, nothing new made.</summary>
    Removed,
}
