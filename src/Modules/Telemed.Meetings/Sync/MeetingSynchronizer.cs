using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Meetings.Events;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Sync;

/// <summary>
/// Makes the provider match a slot's planned meeting: create (or adopt one an earlier, unanswered attempt made), move,
/// end, delete. Runs under a per-slot advisory lock, so duplicate or overlapping jobs for one slot queue up and the
/// later ones find nothing left to do. Provider errors propagate to the job, which decides when to retry.
/// </summary>
public sealed class MeetingSynchronizer(
    MeetingsDb db,
    MeetingProviderRegistry providers,
    AccessTokens tokens,
    MeetingSecrets secrets,
    PostgresLocks locks,
    MeetingChanges changes,
    ProviderCalls calls,
    MeetingPlanner planner,
    IJobQueue jobs,
    IOptions<MeetingsOptions> options,
    TenantContext tenantContext,
    TimeProvider clock,
    ILogger<MeetingSynchronizer> logger)
{
    public async Task SyncAsync(string slotKey, CancellationToken cancellationToken)
    {
        await using var slotLock = await locks.AcquireAsync($"meeting-sync:{tenantContext.Required.Id}:{slotKey}", cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.SlotKey == slotKey, cancellationToken);
        if (meeting is null || meeting.SyncedVersion >= meeting.DesiredVersion)
        {
            return;
        }

        var version = meeting.DesiredVersion;
        meeting.Attempts++;
        if (meeting.IsDeadAtProvider)
        {
            // Reported deleted at the provider: forget it, and make a new one while its appointment is on.
            meeting.ForgetDeletedAtProvider(meeting.DeletedAtProviderAt ?? clock.GetUtcNow(), await ShouldReplaceAsync(meeting, cancellationToken));
        }
        else if (meeting.Wanted && meeting.State == MeetingRecord.Deleted)
        {
            // Wanted again while an earlier run was removing it: that run's "deleted" landed after the plan changed, so the
            // removed meeting's id is still here. The slot needs a new meeting.
            meeting.StartAfreshAfterRemoval();
        }

        await changes.SaveAsync(meeting, cancellationToken);
        var provider = providers.Find(meeting.Provider)
            ?? throw new MeetingProviderException($"The {meeting.Provider} provider is not installed, so this meeting cannot be kept in step.");
        if (!provider.NeedsHostConnection)
        {
            await ApplyPlanAsync(meeting, provider, new ProviderAccess(meeting.HostId, null), cancellationToken);
        }
        else if (await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Provider == meeting.Provider && c.HostId == meeting.HostId, cancellationToken)
            is { IsConnected: true } connection)
        {
            try
            {
                await ApplyPlanAsync(meeting, provider, new ProviderAccess(meeting.HostId, tokens.For(connection.Id)), cancellationToken);
            }
            catch (MeetingProviderException exception) when (exception.IsConnectionLost)
            {
                await tokens.MarkLostAsync(connection.Id, $"{provider.Name} no longer accepts this connection; the host needs to connect {provider.Name} again.", CancellationToken.None);
                throw new HostConnectionLostException($"{meeting.HostName}'s {provider.Name} connection was lost: {exception.Message}", exception);
            }
        }
        else
        {
            await WithoutConnectionAsync(meeting, provider, cancellationToken);
        }

        meeting.SyncedVersion = version;
        meeting.LastError = meeting.State == MeetingRecord.Failed ? meeting.LastError : null;
        await changes.SaveAsync(meeting, cancellationToken);
    }

    public async Task<string> HostNameOfAsync(string slotKey, CancellationToken cancellationToken) =>
        await db.Meetings.Where(m => m.SlotKey == slotKey).Select(m => m.HostName).SingleOrDefaultAsync(cancellationToken) ?? "The host";

    public async Task<string> ProviderNameOfAsync(string slotKey, CancellationToken cancellationToken) =>
        providers.NameOf(await db.Meetings.Where(m => m.SlotKey == slotKey).Select(m => m.Provider).SingleOrDefaultAsync(cancellationToken));

    /// <summary>
    /// For a provider that does not report deletions: looks the slot's meeting up, and reports it deleted at the provider
    /// when it is gone there (the planner then has it replaced while its appointment is on).
    /// </summary>
    public async Task VerifyAsync(string slotKey, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == slotKey, cancellationToken);
        if (meeting is not { State: MeetingRecord.Created, Wanted: true, ExternalId: { } externalId } || meeting.IsDeadAtProvider
            || providers.Find(meeting.Provider) is not { } provider || await AccessAsync(meeting, provider, cancellationToken) is not { } access)
        {
            return;
        }

        try
        {
            await calls.RunAsync(meeting, "verify", () => provider.GetAsync(access, externalId, cancellationToken));
        }
        catch (MeetingProviderException exception) when (exception.IsGone)
        {
            logger.LogWarning("{Provider} meeting {MeetingId} of slot {Slot} was deleted at the provider; replacing it", provider.Id, externalId, slotKey);
            await planner.MeetingDeletedAtProviderAsync(meeting.Provider, externalId, clock.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Queues the next look-up of a made meeting whose provider does not report deletions (see <see cref="MeetingsOptions.VerifyBeforeStart"/>).</summary>
    public async Task ScheduleVerifyAsync(string slotKey, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == slotKey, cancellationToken);
        if (meeting is not { State: MeetingRecord.Created, Wanted: true, ExternalId: not null } || providers.Find(meeting.Provider) is not { ReportsDeletions: false })
        {
            return;
        }

        var now = clock.GetUtcNow();
        var next = options.Value.EffectiveVerifyBeforeStart.Select(before => meeting.StartUtc - before).Where(at => at > now).Order().FirstOrDefault();
        if (next != default)
        {
            await jobs.EnqueueAsync(VerifyMeetingJob.Request(tenantContext.Required.Id, slotKey, next), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Records a failure the job is going to retry (still pending) or give up on (failed).</summary>
    public async Task RecordFailureAsync(string slotKey, string error, bool failed, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.SlotKey == slotKey, cancellationToken);
        if (meeting is null)
        {
            return;
        }

        meeting.LastError = error;
        meeting.State = failed && meeting.Wanted && meeting.ExternalId == null ? MeetingRecord.Failed : meeting.State;
        await changes.SaveAsync(meeting, cancellationToken);
    }

    private async Task ApplyPlanAsync(MeetingRecord meeting, IMeetingProvider provider, ProviderAccess access, CancellationToken cancellationToken)
    {
        if (!meeting.Wanted)
        {
            await RemoveAsync(meeting, provider, access, cancellationToken);
            return;
        }

        await EnsureCreatedAsync(meeting, provider, access, cancellationToken);
        await EnsureScheduleAsync(meeting, provider, access, cancellationToken);
        if (meeting.EndRequested)
        {
            await EndIfRunningAsync(meeting, provider, access, cancellationToken);
        }
    }

    private async Task EnsureCreatedAsync(MeetingRecord meeting, IMeetingProvider provider, ProviderAccess access, CancellationToken cancellationToken)
    {
        if (meeting.ExternalId is not null)
        {
            return;
        }

        if (meeting.CreateRequestedAt is not null
            && await calls.RunAsync(meeting, "find", () => provider.FindByMarkerAsync(access, meeting.Marker, cancellationToken)) is { } earlier)
        {
            // An earlier create reached the provider but its answer never reached us: adopt it instead of making a second one.
            logger.LogInformation("Adopting {Provider} meeting {MeetingId} for slot {Slot} created by an earlier attempt", provider.Id, earlier.ExternalId, meeting.SlotKey);
            Apply(meeting, earlier);
            meeting.AppliedStartUtc = null;
            return;
        }

        meeting.CreateRequestedAt = clock.GetUtcNow();
        await changes.SaveAsync(meeting, cancellationToken);
        var spec = await SpecOfAsync(meeting, cancellationToken);
        var created = await calls.RunAsync(meeting, "create", () => provider.CreateAsync(access, spec, cancellationToken));
        Apply(meeting, created);
        MarkApplied(meeting);
        await changes.SaveAsync(meeting, cancellationToken);
    }

    private async Task EnsureScheduleAsync(MeetingRecord meeting, IMeetingProvider provider, ProviderAccess access, CancellationToken cancellationToken)
    {
        if (meeting.AppliedStartUtc == meeting.StartUtc && meeting.AppliedDurationMinutes == meeting.DurationMinutes && meeting.AppliedTopic == meeting.Topic)
        {
            return;
        }

        var spec = await SpecOfAsync(meeting, cancellationToken);
        try
        {
            await calls.RunAsync(meeting, "update", () => provider.UpdateAsync(access, meeting.ExternalId!, spec, cancellationToken));
        }
        catch (MeetingProviderException exception) when (exception.IsGone)
        {
            // Deleted at the provider behind our back (its webhook lost or not yet here): a new one for the appointment.
            logger.LogWarning("{Provider} meeting {MeetingId} of slot {Slot} is gone; creating a new one", provider.Id, meeting.ExternalId, meeting.SlotKey);
            meeting.ForgetDeletedAtProvider(clock.GetUtcNow(), await ShouldReplaceAsync(meeting, cancellationToken));
            await changes.SaveAsync(meeting, cancellationToken);
            if (meeting.Wanted)
            {
                await EnsureCreatedAsync(meeting, provider, access, cancellationToken);
            }

            return;
        }

        MarkApplied(meeting);
        meeting.State = MeetingRecord.Created;
        await changes.SaveAsync(meeting, cancellationToken);
    }

    private async Task EndIfRunningAsync(MeetingRecord meeting, IMeetingProvider provider, ProviderAccess access, CancellationToken cancellationToken)
    {
        if (meeting.ExternalId is not { } id)
        {
            return;
        }

        ProviderMeeting current;
        try
        {
            current = await calls.RunAsync(meeting, "get", () => provider.GetAsync(access, id, cancellationToken));
        }
        catch (MeetingProviderException exception) when (exception.IsGone)
        {
            // Nothing left to end; the appointment is over, so no new one either.
            meeting.ForgetDeletedAtProvider(clock.GetUtcNow(), replace: false);
            return;
        }

        if (current.IsRunning)
        {
            await calls.RunAsync(meeting, "end", () => provider.EndAsync(access, id, cancellationToken));
        }

        meeting.LiveStatus = current.IsRunning || meeting.LiveStatus == "started" ? "ended" : meeting.LiveStatus;
        meeting.State = MeetingRecord.Ended;
    }

    private async Task RemoveAsync(MeetingRecord meeting, IMeetingProvider provider, ProviderAccess access, CancellationToken cancellationToken)
    {
        if (meeting.ExternalId is null && meeting.CreateRequestedAt is not null
            && await calls.RunAsync(meeting, "find", () => provider.FindByMarkerAsync(access, meeting.Marker, cancellationToken)) is { } orphan)
        {
            meeting.ExternalId = orphan.ExternalId;
        }

        if (meeting.ExternalId is { } id)
        {
            await calls.RunAsync(meeting, "delete", () => provider.DeleteAsync(access, id, cancellationToken));
        }

        meeting.MarkDeleted();
    }

    private async Task WithoutConnectionAsync(MeetingRecord meeting, IMeetingProvider provider, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().AnyAsync(c => c.Provider == meeting.Provider && c.HostId == meeting.HostId, cancellationToken);
        var why = connection ? $"{meeting.HostName}'s {provider.Name} connection was lost" : $"{meeting.HostName} has no {provider.Name} connection";
        if (!meeting.Wanted)
        {
            // Nothing can be removed at the provider without the host's grant; the provider drops its copy when the app is removed.
            meeting.LastError = meeting.ExternalId is null ? null : why + $", so the meeting could not be removed at {provider.Name}.";
            meeting.MarkDeleted();
            return;
        }

        if (meeting.ExternalId is null)
        {
            meeting.State = MeetingRecord.Failed;
            meeting.LastError = why + $"; the meeting is made once they reconnect {provider.Name}.";
            await changes.SaveAsync(meeting, cancellationToken);
            throw new HostConnectionLostException(meeting.LastError);
        }
    }

    private async Task<bool> ShouldReplaceAsync(MeetingRecord meeting, CancellationToken cancellationToken) =>
        meeting.Wanted && !meeting.EndRequested && meeting.CancelReason is null
        && await MeetingPlanner.AppointmentIsOnAsync(db, meeting.SlotKey, clock.GetUtcNow(), cancellationToken);

    private void Apply(MeetingRecord meeting, ProviderMeeting details)
    {
        meeting.ExternalId = details.ExternalId;
        meeting.JoinUrl = details.JoinUrl;
        meeting.ProtectedStartUrl = details.StartUrl is null ? null : secrets.ProtectStartUrl(details.StartUrl);
        meeting.Passcode = string.IsNullOrEmpty(details.Passcode) ? meeting.Passcode : details.Passcode;
        meeting.State = MeetingRecord.Created;
        meeting.LastError = null;
    }

    private static void MarkApplied(MeetingRecord meeting)
    {
        meeting.AppliedStartUtc = meeting.StartUtc;
        meeting.AppliedDurationMinutes = meeting.DurationMinutes;
        meeting.AppliedTopic = meeting.Topic;
    }

    private async Task<MeetingSpec> SpecOfAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        var patients = await db.Appointments.AsNoTracking()
            .Where(a => a.SlotKey == meeting.SlotKey && a.Active)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.PatientName)
            .Select(a => new MeetingAttendee(a.PatientName, a.PatientEmail == "" ? null : a.PatientEmail))
            .ToListAsync(cancellationToken);
        return new MeetingSpec(meeting.Topic, meeting.Agenda, meeting.StartUtc, meeting.DurationMinutes, meeting.TimeZone, meeting.Passcode)
        {
            Marker = meeting.Marker,
            Attendees = patients,
        };
    }

    /// <summary>What a call about the meeting acts with, or null when its host has no working connection to the provider.</summary>
    private async Task<ProviderAccess?> AccessAsync(MeetingRecord meeting, IMeetingProvider provider, CancellationToken cancellationToken)
    {
        if (!provider.NeedsHostConnection)
        {
            return new ProviderAccess(meeting.HostId, null);
        }

        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Provider == meeting.Provider && c.HostId == meeting.HostId, cancellationToken);
        return connection is { IsConnected: true } ? new ProviderAccess(meeting.HostId, tokens.For(connection.Id)) : null;
    }
}
