using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Sync;

/// <summary>Runs a provider call about a meeting and writes it to the meeting's call log, answered or not.</summary>
public sealed class ProviderCalls(MeetingsDb db, TenantContext tenantContext, TimeProvider clock)
{
    public async Task<T> RunAsync<T>(MeetingRecord meeting, string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            await RecordAsync(meeting, operation, null, started);
            return result;
        }
        catch (MeetingProviderException exception)
        {
            await RecordAsync(meeting, operation, exception.Message, started);
            throw;
        }
    }

    public Task RunAsync(MeetingRecord meeting, string operation, Func<Task> call) =>
        RunAsync(meeting, operation, async () => { await call(); return true; });

    private async Task RecordAsync(MeetingRecord meeting, string operation, string? error, long started)
    {
        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var tenantId = tenantContext.Required.Id;
        var at = clock.GetUtcNow();
        var trimmed = error is { Length: > 500 } ? error[..500] : error;
        // Written at once and on its own: the log must keep a failed call even when the job's own save never happens.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO meetings_provider_calls (tenant_id, meeting_id, provider, operation, succeeded, error, duration_ms, at)
            VALUES ({tenantId}, {meeting.Id}, {meeting.Provider}, {operation}, {error is null}, {trimmed}, {elapsed}, {at})
            """, CancellationToken.None);
    }
}
