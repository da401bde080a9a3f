using System.Text.Json;
using Telemed.Core.Jobs;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Jobs;

/// <summary>
/// Brings one slot's Zoom meeting in line with its appointments. Zoom trouble decides the retry: a rate limit
/// waits for Retry-After, the daily per-host limit waits for midnight UTC (and says which host hit it), no
/// answer or a 5xx backs off, a lost connection or a refused request stops and shows the admin why.
/// </summary>
public sealed class SyncZoomMeetingJob(ZoomMeetingSynchronizer synchronizer, TimeProvider clock) : IJobHandler
{
    public const string Kind = "zoom.meeting.sync";

    public static JobRequest Request(Guid tenantId, string slotKey, int maxAttempts) =>
        new(Kind, JsonSerializer.Serialize(new Payload(slotKey), ZoomMeetingPlanner.Json)) { TenantId = tenantId, MaxAttempts = maxAttempts };

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var slotKey = JsonSerializer.Deserialize<Payload>(job.PayloadJson, ZoomMeetingPlanner.Json)!.SlotKey;
        try
        {
            await synchronizer.SyncAsync(slotKey, cancellationToken);
        }
        catch (ZoomConnectionLostException exception)
        {
            await synchronizer.RecordFailureAsync(slotKey, exception.Message, failed: true, CancellationToken.None);
            throw new PermanentJobFailureException(exception.Message);
        }
        catch (ZoomApiException exception) when (exception.IsDailyLimit)
        {
            var now = clock.GetUtcNow();
            var resume = exception.RetryAfter is { } at && at > now ? at : new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            var host = await synchronizer.HostNameOfAsync(slotKey, CancellationToken.None);
            var message = $"{host} reached Zoom's daily limit of meeting creates and updates; trying again at {resume:yyyy-MM-dd HH:mm} UTC.";
            await synchronizer.RecordFailureAsync(slotKey, message, failed: true, CancellationToken.None);
            throw new RetryJobLaterException(message, resume);
        }
        catch (ZoomApiException exception) when (exception.IsTransient)
        {
            var lastAttempt = job.Attempt >= job.MaxAttempts;
            await synchronizer.RecordFailureAsync(slotKey, exception.Message, failed: lastAttempt, CancellationToken.None);
            throw new RetryJobLaterException(exception.Message, exception.RetryAfter);
        }
        catch (ZoomApiException exception)
        {
            await synchronizer.RecordFailureAsync(slotKey, exception.Message, failed: true, CancellationToken.None);
            throw new PermanentJobFailureException(exception.Message);
        }
    }

    private sealed record Payload(string SlotKey);
}
