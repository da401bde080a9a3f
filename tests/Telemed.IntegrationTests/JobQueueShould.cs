using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Testing.Jobs;
using Telemed.Jobs.Services;

namespace Telemed.IntegrationTests;

/// <summary>The durable queue inside one host: transactions, retries, dead letters, scheduling, uniqueness, tenants.</summary>
public sealed class JobQueueShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;
    private IJobQueue Queue => Host.GetRequiredService<IJobQueue>();

    [Fact]
    public async Task NeverRunAJobEnqueuedInARolledBackTransaction()
    {
        using var file = new JobFile();
        long? rolledBackId;
        await using (var connection = await Host.GetRequiredService<Database>().OpenAsync((Guid?)null))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            rolledBackId = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()), connection, transaction);
            await transaction.RollbackAsync();
        }
        var markerId = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()));
        await file.WaitForLinesAsync(1);
        await Task.Delay(500);

        Assert.NotNull(rolledBackId);
        Assert.Equal([markerId.ToString()!], file.Lines.Select(l => l[0]));
        Assert.Null(await Host.GetRequiredService<JobStore>().FindAsync(rolledBackId.Value));
    }

    [Fact]
    public async Task RunAJobCommittedWithItsTransaction()
    {
        using var file = new JobFile();
        await using var connection = await Host.GetRequiredService<Database>().OpenAsync((Guid?)null);
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()), connection, transaction);
        await Task.Delay(300);
        Assert.Empty(file.Lines);
        await transaction.CommitAsync();

        await file.WaitForLinesAsync(1);
        Assert.Equal(id.ToString(), file.Lines.Single()[0]);
    }

    [Fact]
    public async Task RetryAFailingJobWithBackoffUntilItSucceeds()
    {
        using var file = new JobFile();
        var id = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload(failUntilAttempt: 2)));
        await file.WaitForLinesAsync(1);

        var job = await WaitForStateAsync(id!.Value, "succeeded");
        Assert.Equal(3, job.Attempt);
        Assert.Equal("3", file.Lines.Single()[1]);
        Assert.Contains("Planned failure on attempt 2", job.LastError);
    }

    [Fact]
    public async Task EndDeadAfterTheConfiguredNumberOfAttempts()
    {
        using var file = new JobFile();
        var id = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload(failUntilAttempt: 99)) { MaxAttempts = 3 });

        var job = await WaitForStateAsync(id!.Value, "dead");

        Assert.Equal(3, job.Attempt);
        Assert.Contains("Planned failure on attempt 3", job.LastError);
        Assert.Empty(file.Lines);
    }

    [Fact]
    public async Task HonourTheNotBeforeTimeAJobAsksFor()
    {
        using var file = new JobFile();
        var id = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload(failUntilAttempt: 1, retryAfterMs: 1500)));
        var retrying = await WaitForStateAsync(id!.Value, "retrying");
        Assert.True(retrying.RunAt > DateTimeOffset.UtcNow.AddMilliseconds(900), $"run_at {retrying.RunAt:O} is earlier than the asked-for delay");
        Assert.Empty(file.Lines);

        await file.WaitForLinesAsync(1);
        Assert.Equal("2", file.Lines.Single()[1]);
    }

    [Fact]
    public async Task HoldAScheduledJobUntilItsTime()
    {
        using var file = new JobFile();
        var runAt = DateTimeOffset.UtcNow.AddSeconds(2);
        await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()) { RunAt = runAt });
        await Task.Delay(1200);
        Assert.Empty(file.Lines);

        await file.WaitForLinesAsync(1);
        Assert.True(DateTimeOffset.UtcNow >= runAt);
    }

    [Fact]
    public async Task KeepOnlyOneLiveJobPerUniquenessKey()
    {
        using var file = new JobFile();
        var key = $"unique-{Guid.NewGuid():N}";
        var runAt = DateTimeOffset.UtcNow.AddSeconds(1);
        var first = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()) { UniqueKey = key, RunAt = runAt });
        var second = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()) { UniqueKey = key, RunAt = runAt });

        Assert.NotNull(first);
        Assert.Null(second);
        await file.WaitForLinesAsync(1);
        await WaitForStateAsync(first.Value, "succeeded");
        var afterwards = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()) { UniqueKey = key });
        Assert.NotNull(afterwards);
    }

    [Fact]
    public async Task RunEachJobInsideItsClinic()
    {
        using var file = new JobFile();
        var clinic = await Clinics.CreateAsync(Host);
        await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload()) { TenantId = clinic.Id });
        await file.WaitForLinesAsync(1);
        Assert.Equal(clinic.Slug, file.Lines.Single()[3]);
    }

    [Fact]
    public async Task LetAnAdminRetryADeadJobFromTheJobsPage()
    {
        using var file = new JobFile();
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "ops@clinic.test");
        var other = await Clinics.CreateAsync(Host);
        var id = await Queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload(failUntilAttempt: 1)) { TenantId = clinic.Id, MaxAttempts = 1 });
        await WaitForStateAsync(id!.Value, "dead");

        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "ops@clinic.test");
        var page = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs");
        var row = page.QuerySelector($"tr[data-job-id='{id}']");
        Assert.NotNull(row);
        Assert.Contains("Planned failure on attempt 1", row.TextContent);
        Assert.Null((await Host.CreateClient().GetPageAsync($"/c/{other.Slug}/")).QuerySelector($"tr[data-job-id='{id}']"));

        var retry = await admin.SubmitFormAsync(page, $"/c/{clinic.Slug}/admin/jobs", new Dictionary<string, string>(), $"tr[data-job-id='{id}'] form");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, retry.StatusCode);
        await file.WaitForLinesAsync(1);
        await WaitForStateAsync(id.Value, "succeeded");
    }

    [Fact]
    public async Task EnqueueManyJobsTogetherWithTheCallersTransaction()
    {
        using var file = new JobFile();
        var key = $"bulk-{Guid.NewGuid():N}";
        var jobs = Enumerable.Range(0, 50).Select(i => new JobRequest(AppendJobHandler.Kind, file.Payload()) { UniqueKey = i < 2 ? key : null }).ToList();
        await using var connection = await Host.GetRequiredService<Database>().OpenAsync((Guid?)null);
        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            Assert.Equal(49, await Queue.EnqueueManyAsync(jobs, connection, rolledBack));
            await rolledBack.RollbackAsync();
        }
        await Task.Delay(300);
        Assert.Empty(file.Lines);

        await using (var committed = await connection.BeginTransactionAsync())
        {
            Assert.Equal(49, await Queue.EnqueueManyAsync(jobs, connection, committed));
            await committed.CommitAsync();
        }

        await file.WaitForLinesAsync(49);
        await Task.Delay(300);
        Assert.Equal(49, file.Lines.Select(l => l[0]).Distinct().Count());
    }

    [Fact]
    public async Task WriteAnOutcomeOnlyForTheWorkerThatHoldsTheLease()
    {
        var expiredLease = Guid.NewGuid();
        var currentLease = Guid.NewGuid();
        long id;
        await using (var superuser = await TestPostgres.OpenSuperuserAsync(Host.OwnerConnectionString))
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO jobs (kind, state, attempt, max_attempts, lease_until, lease_token)
            VALUES ('{AppendJobHandler.Kind}', 'running', 2, 5, now() + interval '1 hour', @token) RETURNING id
            """, superuser))
        {
            // Taken over: another worker claimed it again after the first one's lease expired.
            insert.Parameters.AddWithValue("token", currentLease);
            id = (long)(await insert.ExecuteScalarAsync())!;
        }
        var completer = Host.GetRequiredService<JobCompleter>();

        var late = await completer.WriteAsync([new JobOutcome(id, expiredLease, "succeeded")]);
        Assert.Empty(late);
        Assert.Equal("running", (await Host.GetRequiredService<JobStore>().FindAsync(id))!.State);

        var current = await completer.WriteAsync([new JobOutcome(id, currentLease, "succeeded")]);
        Assert.Equal([id], current);
        Assert.Equal("succeeded", (await Host.GetRequiredService<JobStore>().FindAsync(id))!.State);
    }

    [Fact]
    public async Task HandItsRunningAndQueuedJobsBackWhenItStops()
    {
        using var file = new JobFile();
        var single = new Dictionary<string, string?> { ["Jobs:Workers"] = "1", ["Jobs:ClaimAhead"] = "1" };
        var stopping = await TestHost.StartAsync(single);
        var queue = stopping.GetRequiredService<IJobQueue>();
        var store = stopping.GetRequiredService<JobStore>();
        var running = (await queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload(sleepMs: 3_000))))!.Value;
        await WaitForStateAsync(store, running, "running");
        var queued = (await queue.EnqueueAsync(new JobRequest(AppendJobHandler.Kind, file.Payload())))!.Value;
        await WaitForStateAsync(store, queued, "running");

        await stopping.DisposeAsync();

        await using var restarted = await TestHost.StartAsync(single, stopping.OwnerConnectionString);
        await file.WaitForLinesAsync(2);
        Assert.Equal([running.ToString(), queued.ToString()], file.Lines.Select(l => l[0]).Order());
        Assert.All(file.Lines, line => Assert.Equal("1", line[1]));
    }

    [Fact]
    public void BackOffExponentiallyWithJitter()
    {
        var options = new JobOptions { BackoffBase = TimeSpan.FromSeconds(2), BackoffMax = TimeSpan.FromMinutes(1) };
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var expected = Math.Min(2 * Math.Pow(2, attempt - 1), 60);
            var delays = Enumerable.Range(0, 50).Select(_ => options.Backoff(attempt).TotalSeconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, expected * 0.8, expected * 1.2));
            Assert.True(delays.Distinct().Count() > 1, "backoff has no jitter");
        }
    }

    private Task<JobView> WaitForStateAsync(long id, string state) => WaitForStateAsync(Host.GetRequiredService<JobStore>(), id, state);

    private static async Task<JobView> WaitForStateAsync(JobStore store, long id, string state) =>
        (await Waiting.ForAsync(() => store.FindAsync(id), job => job?.State == state,
            job => $"state {job?.State ?? "missing"}", $"job {id} to be {state}"))!;
}
