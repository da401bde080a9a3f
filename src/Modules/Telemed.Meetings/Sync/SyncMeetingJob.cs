using System.Text.Json;
using Telemed.Core.Jobs;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Sync;

/// <summary>
/// Brings one slot's meeting in line with its appointments. Provider trouble decides the retry: a rate limit waits for
/// Retry-After, the daily per-host limit waits for midnight UTC (and says which host hit it), no answer or a 5xx backs
/// off, a lost connection or a refused request stops and shows the admin why.
/// </summary>
public sealed class SyncMeetingJob(MeetingSynchronizer synchronizer, TimeProvider clock) : IJobHandler
{
    public const string Kind = "meetings.sync";

    /// <summary>The kind Zoom queued these under when it kept meetings itself; jobs queued then still run.</summary>
    public const string FormerKind = "zoom.meeting.sync";

    public static JobRequest Request(Guid tenantId, string slotKey, int maxAttempts) =>
        new(Kind, JsonSerializer.Serialize(new Payload(slotKey), MeetingPlanner.Json)) { TenantId = tenantId, MaxAttempts = maxAttempts };

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var slotKey = JsonSerializer.Deserialize<Payload>(job.PayloadJson, MeetingPlanner.Json)!.SlotKey;
        try
        {
            await synchronizer.SyncAsync(slotKey, cancellationToken);
            await synchronizer.ScheduleVerifyAsync(slotKey, cancellationToken);
        }
        catch (MeetingProviderException exception) when (exception.IsConnectionLost)
        {
            await synchronizer.RecordFailureAsync(slotKey, exception.Message, failed: true, CancellationToken.None);
            throw new PermanentJobFailureException(exception.Message);
        }
        catch (MeetingProviderException exception) when (exception.IsDailyLimit)
        {
            var now = clock.GetUtcNow();
            var resume = exception.RetryAfter is { } at && at > now ? at : new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            var host = await synchronizer.HostNameOfAsync(slotKey, CancellationToken.None);
            var provider = await synchronizer.ProviderNameOfAsync(slotKey, CancellationToken.None);
            var message = $"{host} reached {provider}'s daily limit of meeting creates and updates; trying again at {resume:yyyy-MM-dd HH:mm} UTC.";
            await synchronizer.RecordFailureAsync(slotKey, message, failed: true, CancellationToken.None);
            throw new RetryJobLaterException(message, resume);
        }
        catch (MeetingProviderException exception) when (exception.IsTransient)
        {
            var lastAttempt = job.Attempt >= job.MaxAttempts;
            await synchronizer.RecordFailureAsync(slotKey, exception.Message, failed: lastAttempt, CancellationToken.None);
            throw new RetryJobLaterException(exception.Message, exception.RetryAfter);
        }
        catch (MeetingProviderException exception)
        {
            await synchronizer.RecordFailureAsync(slotKey, exception.Message, failed: true, CancellationToken.None);
            throw new PermanentJobFailureException(exception.Message);
        }
    }

    private sealed record Payload(string SlotKey);
}
