using Microsoft.EntityFrameworkCore;
using Telemed.Meetings.Data;
using Telemed.Meetings.Planning;

namespace Telemed.Meetings.Services;

/// <summary>What staff do to a meeting from the meetings list: retry, end, cancel with a reason, delete.</summary>
public sealed class MeetingActions(MeetingsDb db, MeetingPlanner planner, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<MeetingActionResult> RetryAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await FindAsync(meetingId, cancellationToken);
        return meeting is null ? MeetingActionResult.Gone
            : await planner.RetrySlotAsync(meeting.SlotKey, cancellationToken) ? MeetingActionResult.Done("The meeting will be tried again now.") : MeetingActionResult.Gone;
    }

    /// <summary>Ends a meeting that is ready or running; a running one is closed at the provider.</summary>
    public Task<MeetingActionResult> EndAsync(Guid meetingId, CancellationToken cancellationToken) =>
        ChangeAsync(meetingId, MayEnd, "Only a meeting that is ready can be ended.", (meeting, _) =>
        {
            meeting.EndRequested = true;
            return Task.CompletedTask;
        }, "The meeting is being ended.", cancellationToken);

    /// <summary>
    /// Cancels a meeting that is not over: removed at the provider, its appointments keep no meeting (later changes do not
    /// make a new one), and the patient is told the reason.
    /// </summary>
    public Task<MeetingActionResult> CancelAsync(Guid meetingId, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(meetingId, MayCancel, "This meeting is already over or removed.", async (meeting, now) =>
        {
            meeting.CancelReason = reason.Trim();
            meeting.Wanted = false;
            await db.Appointments.Where(a => a.SlotKey == meeting.SlotKey).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Active, false)
                .SetProperty(a => a.ReasonCode, ReasonCodes.MeetingCancelled)
                .SetProperty(a => a.Reason, $"The video meeting was cancelled: {meeting.CancelReason}")
                .SetProperty(a => a.UpdatedAt, now), cancellationToken);
        }, "The meeting is cancelled; the patient is told why.", cancellationToken);

    /// <summary>Removes a cancelled or ended meeting from the list for good.</summary>
    public async Task<MeetingActionResult> DeleteAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await FindAsync(meetingId, cancellationToken);
        if (meeting is null)
        {
            return MeetingActionResult.Gone;
        }

        if (!MayDelete(meeting))
        {
            return MeetingActionResult.Refused("Only a cancelled or ended meeting can be deleted.");
        }

        await db.Meetings.Where(m => m.Id == meetingId && (m.State == MeetingRecord.Deleted || m.State == MeetingRecord.Ended)).ExecuteDeleteAsync(cancellationToken);
        return MeetingActionResult.Done("The meeting was deleted.");
    }

    public static bool MayEnd(MeetingRecord meeting) => meeting.State == MeetingRecord.Created && meeting.Wanted && !meeting.EndRequested;

    public static bool MayCancel(MeetingRecord meeting) => meeting.Wanted && meeting.State is not (MeetingRecord.Deleted or MeetingRecord.Ended);

    public static bool MayDelete(MeetingRecord meeting) => meeting.State is (MeetingRecord.Deleted or MeetingRecord.Ended) && meeting.SyncedVersion >= meeting.DesiredVersion;

    public static bool MayRetry(MeetingRecord meeting) => meeting.Wanted && (meeting.State is MeetingRecord.Failed or MeetingRecord.Pending || meeting.LastError is not null);

    private async Task<MeetingActionResult> ChangeAsync(Guid meetingId, Func<MeetingRecord, bool> allowed, string refusal,
        Func<MeetingRecord, DateTimeOffset, Task> change, string done, CancellationToken cancellationToken)
    {
        var slotKey = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.SlotKey).FirstOrDefaultAsync(cancellationToken);
        if (slotKey is null)
        {
            return MeetingActionResult.Gone;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await planner.LockAsync($"meeting-plan-slot:{slotKey}", cancellationToken);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
        if (!allowed(meeting))
        {
            return MeetingActionResult.Refused(refusal);
        }

        var now = clock.GetUtcNow();
        await change(meeting, now);
        meeting.DesiredVersion++;
        meeting.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await planner.EnqueueSyncAsync(slotKey, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MeetingActionResult.Done(done);
    }

    private Task<MeetingRecord?> FindAsync(Guid meetingId, CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
}

public sealed record MeetingActionResult(bool Succeeded, string Message)
{
    public static readonly MeetingActionResult Gone = new(false, "That meeting no longer exists.");

    public static MeetingActionResult Done(string message) => new(true, message);

    public static MeetingActionResult Refused(string message) => new(false, message);
}
