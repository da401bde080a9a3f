using System.Text.Json;
using Telemed.Core.Jobs;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Sync;

/// <summary>
/// Looks a slot's meeting up at a provider that does not report deletions (Google Calendar), shortly before the start,
/// so an event the host deleted in their calendar is replaced before the patient needs its link; then queues the next
/// look-up. Unreachable providers are retried; anything else waits for the next look-up.
/// </summary>
public sealed class VerifyMeetingJob(MeetingSynchronizer synchronizer) : IJobHandler
{
    public const string Kind = "meetings.verify";

    public static JobRequest Request(Guid tenantId, string slotKey, DateTimeOffset? runAt = null) =>
        new(Kind, JsonSerializer.Serialize(new Payload(slotKey), MeetingPlanner.Json))
        {
            TenantId = tenantId,
            RunAt = runAt,
            UniqueKey = runAt is { } at ? $"{Kind}:{tenantId:N}:{slotKey}:{at.UtcTicks}" : null,
            MaxAttempts = 5,
        };

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var slotKey = JsonSerializer.Deserialize<Payload>(job.PayloadJson, MeetingPlanner.Json)!.SlotKey;
        try
        {
            await synchronizer.VerifyAsync(slotKey, cancellationToken);
        }
        catch (MeetingProviderException exception) when (exception.IsTransient && job.Attempt < job.MaxAttempts)
        {
            throw new RetryJobLaterException(exception.Message, exception.RetryAfter);
        }
        catch (MeetingProviderException)
        {
            // Not worth failing over: the sync job owns errors, and the next look-up tries again.
        }

        await synchronizer.ScheduleVerifyAsync(slotKey, cancellationToken);
    }

    private sealed record Payload(string SlotKey);
}
