using System.Text.Json;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;

namespace Telemed.Testing.Jobs;

/// <summary>Does nothing: measures the queue itself.</summary>
public sealed class NoopJobHandler : IJobHandler
{
    public const string Kind = "diagnostics.noop";

    public Task ExecuteAsync(JobContext job, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Appends "job id, attempt, process id, clinic" to a file, optionally sleeping first and failing the first
/// attempts. Lets tests count how often each job really ran, across processes.
/// Payload: <c>{ "file": "/tmp/x", "sleepMs": 0, "failUntilAttempt": 0, "retryAfterMs": 0 }</c>.
/// </summary>
public sealed class AppendJobHandler(TenantContext tenantContext) : IJobHandler
{
    public const string Kind = "diagnostics.append";
    private static readonly SemaphoreSlim FileLock = new(1, 1);

    public async Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(job.PayloadJson);
        var root = payload.RootElement;
        var file = root.GetProperty("file").GetString()!;
        if (root.TryGetProperty("sleepMs", out var sleep) && sleep.GetInt32() > 0)
        {
            await Task.Delay(sleep.GetInt32(), cancellationToken);
        }
        if (root.TryGetProperty("failUntilAttempt", out var failUntil) && job.Attempt <= failUntil.GetInt32())
        {
            if (root.TryGetProperty("retryAfterMs", out var retryAfter) && retryAfter.GetInt32() > 0)
            {
                throw new RetryJobLaterException($"Planned retry on attempt {job.Attempt}.", DateTimeOffset.UtcNow.AddMilliseconds(retryAfter.GetInt32()));
            }
            throw new InvalidOperationException($"Planned failure on attempt {job.Attempt}.");
        }
        await FileLock.WaitAsync(cancellationToken);
        try
        {
            // One file per process: appends from two processes to one file can interleave and lose lines.
            await File.AppendAllTextAsync($"{file}.{Environment.ProcessId}", $"{job.Id},{job.Attempt},{Environment.ProcessId},{tenantContext.Tenant?.Slug ?? "-"}\n", cancellationToken);
        }
        finally
        {
            FileLock.Release();
        }
    }
}
