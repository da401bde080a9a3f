using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;

namespace Telemed.Meetings.Events;

/// <summary>
/// Saves a meeting and, when its state or join link changed in a way people are told about, publishes
/// <see cref="MeetingChanged"/> in the same transaction: the event exists if and only if the change committed.
/// </summary>
public sealed class MeetingChanges(MeetingsDb db, EventPublisher publisher, TenantContext tenantContext, TimeProvider clock)
{
    public async Task SaveAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        meeting.UpdatedAt = clock.GetUtcNow();
        if (Detect(meeting) is not { } change)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        meeting.PublishedState = meeting.State;
        meeting.PublishedJoinUrl = meeting.JoinUrl;
        meeting.EventVersion++;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var appointments = await db.Appointments.Where(a => a.SlotKey == meeting.SlotKey)
                .OrderBy(a => a.StartUtc).Select(a => new { a.AppointmentId, a.Active }).ToListAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var told = change == MeetingChange.Deleted ? appointments : appointments.Where(a => a.Active).ToList();
            await publisher.PublishAsync(Describe(meeting, change, told.Select(a => a.AppointmentId).ToList()), tenantContext.Required.Id,
                db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>The change since the last published event, if it is one worth telling.</summary>
    internal static MeetingChange? Detect(MeetingRecord meeting) => meeting.State switch
    {
        MeetingRecord.Created when meeting.JoinUrl is not null && meeting.PublishedJoinUrl is not null && meeting.JoinUrl != meeting.PublishedJoinUrl => MeetingChange.LinkChanged,
        MeetingRecord.Created when meeting.PublishedState != MeetingRecord.Created || meeting.PublishedJoinUrl != meeting.JoinUrl => MeetingChange.Created,
        MeetingRecord.Failed when meeting.PublishedState != MeetingRecord.Failed => MeetingChange.Failed,
        MeetingRecord.Ended when meeting.PublishedState != MeetingRecord.Ended => MeetingChange.Ended,
        // A meeting never announced and never made needs no farewell either.
        MeetingRecord.Deleted when meeting.PublishedState is not null and not MeetingRecord.Deleted and not MeetingRecord.Pending => MeetingChange.Deleted,
        _ => null,
    };

    private static MeetingChanged Describe(MeetingRecord meeting, MeetingChange change, IReadOnlyList<Guid> appointmentIds) => new(
        meeting.Id, meeting.SlotKey, appointmentIds, meeting.Provider, change, StateOf(meeting.State), meeting.HostId, meeting.HostName,
        meeting.StartUtc, change is MeetingChange.Created or MeetingChange.LinkChanged ? meeting.JoinUrl : null,
        change is MeetingChange.Created or MeetingChange.LinkChanged ? meeting.Passcode : null,
        change switch { MeetingChange.Deleted => meeting.CancelReason, MeetingChange.Failed => meeting.LastError, _ => null },
        meeting.EventVersion);

    internal static MeetingState StateOf(string state) => state switch
    {
        MeetingRecord.Created => MeetingState.Created,
        MeetingRecord.Failed => MeetingState.Failed,
        MeetingRecord.Deleted => MeetingState.Deleted,
        MeetingRecord.Ended => MeetingState.Ended,
        _ => MeetingState.Pending,
    };
}
