using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Jobs.Services;
using Xunit.Abstractions;

namespace Telemed.IntegrationTests;

/// <summary>
/// An idle node starts a new job within milliseconds because NOTIFY wakes its workers, also after its
/// listener connection is killed. The poll interval is a minute, so polling cannot explain a quick pickup.
/// </summary>
public sealed class JobPickupShould(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Samples = 20;
    // Far below the minute a poll would take, and far above what a loaded two-core machine adds to a NOTIFY wake-up
    // (a median of 54 ms was seen with two builds beside the test run): it tells the wake-up from polling, not speed.
    private static readonly TimeSpan MedianLimit = TimeSpan.FromSeconds(1);

    private TestHost _host = null!;
    private readonly PickupProbe _probe = new();

    private PostgresNotifications Notifications => _host.GetRequiredService<PostgresNotifications>();

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(
        new Dictionary<string, string?> { ["Jobs:PollInterval"] = "00:01:00" },
        configureServices: services =>
        {
            services.AddSingleton(_probe);
            services.AddJob<PickupProbeHandler>(PickupProbeHandler.Kind);
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartAJobOnAnIdleNodeWithinMilliseconds()
    {
        await WaitUntilAsync(() => Notifications.IsListening(JobQueue.Channel), "the listener to LISTEN on the job channel");

        var median = await MeasureMedianPickupAsync();

        Assert.True(median < MedianLimit, $"median pickup {median.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task WakeOnNotifyAgainAfterTheListenerConnectionIsKilled()
    {
        await WaitUntilAsync(() => Notifications.IsListening(JobQueue.Channel), "the listener to LISTEN on the job channel");
        var killed = Notifications.ListenerProcessId!.Value;
        await using (var superuser = await TestPostgres.OpenSuperuserAsync(_host.OwnerConnectionString))
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", superuser))
        {
            terminate.Parameters.AddWithValue("pid", killed);
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }

        await WaitUntilAsync(() => Notifications.ListenerProcessId is { } pid && pid != killed && Notifications.IsListening(JobQueue.Channel),
            $"a new listener connection (the killed one was backend {killed}) to LISTEN on the job channel");
        var median = await MeasureMedianPickupAsync();

        Assert.True(median < MedianLimit, $"median pickup after reconnecting {median.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task DeliverAChannelSubscribedToAfterTheListenerConnected()
    {
        await WaitUntilAsync(() => Notifications.ListenerProcessId is not null, "the listener to connect");
        var channel = $"late_{Guid.NewGuid():N}";
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        Notifications.Subscribe(channel, payload =>
        {
            if (payload.Length > 0)
            {
                received.TrySetResult(payload);
            }
        });
        await WaitUntilAsync(() => Notifications.IsListening(channel), $"the listener to LISTEN on {channel}");
        await using (var superuser = await TestPostgres.OpenSuperuserAsync(_host.OwnerConnectionString))
        await using (var notify = new NpgsqlCommand("SELECT pg_notify(@channel, 'hello')", superuser))
        {
            notify.Parameters.AddWithValue("channel", channel);
            await notify.ExecuteNonQueryAsync();
        }

        Assert.Equal("hello", await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Enqueue → handler starts, one job at a time with the node idle in between; the first runs warm up.</summary>
    private async Task<TimeSpan> MeasureMedianPickupAsync()
    {
        var queue = _host.GetRequiredService<IJobQueue>();
        var pickups = new List<TimeSpan>();
        for (var i = 0; i < Samples + 3; i++)
        {
            await Task.Delay(30);
            var enqueued = Stopwatch.GetTimestamp();
            var id = await queue.EnqueueAsync(new JobRequest(PickupProbeHandler.Kind));
            var started = await _probe.StartedAsync(id!.Value).WaitAsync(TimeSpan.FromSeconds(10));
            if (i >= 3)
            {
                pickups.Add(Stopwatch.GetElapsedTime(enqueued, started));
            }
        }
        pickups.Sort();
        output.WriteLine($"pickup ms: {string.Join(", ", pickups.Select(p => p.TotalMilliseconds.ToString("F1")))}");
        return pickups[pickups.Count / 2];
    }

    /// <summary>
    /// Reconnecting is what these tests check, not how fast a loaded machine schedules it (the pickup times are measured
    /// once connected): the wait is generous, and a failure says what was awaited and where the listener stood.
    /// </summary>
    private Task WaitUntilAsync(Func<bool> condition, string waitingFor) =>
        Waiting.ForAsync(() => Task.FromResult(condition()), done => done,
            _ => $"listener backend: {Notifications.ListenerProcessId?.ToString() ?? "none"}, on the job channel: {Notifications.IsListening(JobQueue.Channel)}",
            waitingFor);
}

/// <summary>Records when each job's handler started.</summary>
public sealed class PickupProbe
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<long>> _started = new();

    public Task<long> StartedAsync(long jobId) => Get(jobId).Task;

    public void Started(long jobId) => Get(jobId).TrySetResult(Stopwatch.GetTimestamp());

    private TaskCompletionSource<long> Get(long jobId) =>
        _started.GetOrAdd(jobId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class PickupProbeHandler(PickupProbe probe) : IJobHandler
{
    public const string Kind = "tests.pickup";

    public Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        probe.Started(job.Id);
        return Task.CompletedTask;
    }
}
