using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telemed.Core.Clinic;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Meetings.Events;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;
using Telemed.Meetings.Sync;

namespace Telemed.Meetings.Links;

/// <summary>
/// Meeting links for pages, whatever the provider. The patient's view never carries the start URL or internal errors;
/// the host's view fetches a fresh start URL from the provider when asked (Zoom's expire about two hours after issue)
/// and falls back to the stored one, saying so, only when the provider cannot be reached.
/// </summary>
public sealed class MeetingLinks(
    MeetingsDb db,
    MeetingProviderRegistry providers,
    AccessTokens tokens,
    MeetingSecrets secrets,
    MeetingPlanner planner,
    ProviderCalls calls,
    TimeProvider clock,
    ILogger<MeetingLinks> logger) : IMeetingLinks
{
    public const string LinkOnItsWay = MeetingNotices.LinkOnItsWay;

    /// <summary>The path of Start session, which fetches a fresh start link at click time.</summary>
    public static string StartPath(Guid appointmentId) => $"/meetings/appointments/{appointmentId}/start";

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
            Warning = null,
            Reason = info.State switch
            {
                MeetingState.Pending or MeetingState.Failed => meeting?.DeletedAtProviderAt is null ? MeetingNotices.LinkOnItsWay : MeetingNotices.NewLinkPending,
                MeetingState.NotApplicable => MeetingNotices.ForPatient(appointment, meeting),
                MeetingState.Ended => "The video visit has ended.",
                _ => null,
            },
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
        if (info.State != MeetingState.Created || meeting is not { ExternalId: { } externalId })
        {
            return info;
        }

        info = info with { StartLink = StartPath(appointmentId) };
        var stored = meeting.ProtectedStartUrl is null ? null : secrets.UnprotectStartUrl(meeting.ProtectedStartUrl);
        if (!freshStartUrl || providers.Find(meeting.Provider) is not { } provider)
        {
            return info with { StartUrl = stored };
        }

        try
        {
            var access = await AccessAsync(provider, meeting, cancellationToken);
            var details = await calls.RunAsync(meeting, "get", () => provider.GetAsync(access, externalId, cancellationToken));
            if (details.StartUrl is { } fresh)
            {
                var protectedUrl = secrets.ProtectStartUrl(fresh);
                await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.ProtectedStartUrl, protectedUrl), cancellationToken);
                return info with { StartUrl = fresh };
            }
        }
        catch (MeetingProviderException exception) when (exception.IsGone)
        {
            // Deleted at the provider and nobody told us: never send the host to it; have it replaced and say so.
            logger.LogWarning("{Provider} meeting {MeetingId} is gone at Start session: {Error}", provider.Id, externalId, exception.Message);
            var deletedAt = clock.GetUtcNow();
            var replacing = await planner.MeetingDeletedAtProviderAsync(meeting.Provider, externalId, deletedAt, cancellationToken) == MeetingDeletion.Replacing;
            var state = replacing ? MeetingState.Pending : MeetingState.Deleted;
            return info with
            {
                State = state,
                JoinUrl = null,
                StartUrl = null,
                StartLink = null,
                Reason = MeetingNotices.Deletion(externalId, provider.Name, deletedAt, state) + (replacing ? " Start session works again as soon as it exists, in a moment." : ""),
            };
        }
        catch (MeetingProviderException exception)
        {
            logger.LogWarning("Fetching a fresh start link for {Provider} meeting {MeetingId} failed; using the stored one: {Error}", provider.Id, externalId, exception.Message);
        }

        return info with { StartUrl = stored, Reason = MeetingNotices.StoredStartUrlNote };
    }

    /// <summary>
    /// What Start session hands the host, on a page or through the API: the start link fetched now, the stored one when
    /// the provider cannot be reached (not fresh), or why there is none.
    /// </summary>
    public async Task<StartLink> StartLinkAsync(Guid appointmentId, CancellationToken cancellationToken = default)
    {
        var meeting = await GetForHostAsync(appointmentId, freshStartUrl: true, cancellationToken);
        return new StartLink(meeting, meeting?.StartUrl,
            meeting?.StartUrl is null ? meeting?.Reason ?? meeting?.LastError ?? "This appointment has no video meeting yet." : null);
    }

    public async Task<bool> RetryAsync(Guid appointmentId, CancellationToken cancellationToken = default)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken);
        return appointment is not null && await planner.RetrySlotAsync(appointment.SlotKey, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> WarningsAsync(IReadOnlyCollection<Guid> appointmentIds, CancellationToken cancellationToken = default)
    {
        var waiting = await db.Appointments.AsNoTracking()
            .Where(a => appointmentIds.Contains(a.AppointmentId) && (a.ReasonCode == ReasonCodes.HostNotConnected || a.ReasonCode == ReasonCodes.ConnectionLost))
            .ToListAsync(cancellationToken);
        return waiting.ToDictionary(a => a.AppointmentId, a => MeetingNotices.WarningFor(a)!);
    }

    public async Task<IReadOnlyDictionary<Guid, MeetingState>> StatesAsync(IReadOnlyCollection<Guid> appointmentIds, CancellationToken cancellationToken = default)
    {
        if (appointmentIds.Count == 0)
        {
            return new Dictionary<Guid, MeetingState>();
        }
        var appointments = await db.Appointments.AsNoTracking().Where(a => appointmentIds.Contains(a.AppointmentId)).ToListAsync(cancellationToken);
        var slotKeys = appointments.Select(a => a.SlotKey).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => slotKeys.Contains(m.SlotKey)).ToDictionaryAsync(m => m.SlotKey, cancellationToken);
        return appointments.ToDictionary(a => a.AppointmentId, a => Describe(a, meetings.GetValueOrDefault(a.SlotKey)).State);
    }

    private async Task<ProviderAccess> AccessAsync(IMeetingProvider provider, MeetingRecord meeting, CancellationToken cancellationToken)
    {
        if (!provider.NeedsHostConnection)
        {
            return new ProviderAccess(meeting.HostId, null);
        }

        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Provider == meeting.Provider && c.HostId == meeting.HostId, cancellationToken)
            ?? throw new HostConnectionLostException($"The host has no {provider.Name} connection.");
        return new ProviderAccess(meeting.HostId, tokens.For(connection.Id));
    }

    private async Task<(MeetingAppointment? Appointment, MeetingRecord? Meeting)> FindAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return (null, null);
        }

        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == appointment.SlotKey, cancellationToken);
        return (appointment, meeting);
    }

    /// <summary>The full view (for staff); the patient's is cut down from it.</summary>
    private MeetingInfo Describe(MeetingAppointment appointment, MeetingRecord? meeting)
    {
        var provider = meeting?.Provider ?? appointment.Provider;
        var name = providers.NameOf(provider);
        var windows = new MeetingInfo
        {
            Provider = provider,
            ProviderName = name,
            StartLabel = providers.Find(provider)?.HostActionLabel ?? "Start session",
            State = MeetingState.NotApplicable,
            JoinOpensAt = appointment.StartUtc - MeetingWindows.JoinOpensBefore,
            StartOpensAt = appointment.StartUtc - MeetingWindows.StartOpensBefore,
            ClosesAt = appointment.EndUtc,
        };
        if (appointment.Reason is not null)
        {
            return windows with { Reason = appointment.Reason, Warning = MeetingNotices.WarningFor(appointment) };
        }

        if (meeting is null || !appointment.Active)
        {
            return windows with
            {
                State = MeetingState.Deleted,
                Reason = MeetingNotices.Deletion(meeting, name, MeetingState.Deleted),
                Attempts = meeting?.Attempts ?? 0,
                LastError = meeting?.LastError,
            };
        }

        // Reported deleted at the provider and not yet replaced: its link is dead, so it is offered to nobody.
        var dead = meeting.IsDeadAtProvider;
        var state = dead ? meeting.Wanted ? MeetingState.Pending : MeetingState.Deleted : MeetingChanges.StateOf(meeting.State);
        return windows with
        {
            State = state,
            JoinUrl = dead ? null : meeting.JoinUrl,
            Passcode = meeting.Passcode,
            Reason = MeetingNotices.Deletion(meeting, name, state),
            Attempts = meeting.Attempts,
            LastError = meeting.LastError,
        };
    }
}
