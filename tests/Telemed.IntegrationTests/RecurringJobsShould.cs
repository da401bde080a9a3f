using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Jobs;
using Telemed.Jobs.Services;

namespace Telemed.IntegrationTests;

/// <summary>
/// Recurring jobs on cron schedules in a time zone, each occurrence enqueued once whatever the number of nodes;
/// and the attempts of a real job, failures recorded as they happen, on its dashboard page.
/// </summary>
public sealed class RecurringJobsShould(RecurringJobsShould.ScheduledHost fixture) : IClassFixture<RecurringJobsShould.ScheduledHost>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task EnqueueEachOccurrenceOnceHoweverManyNodesScheduleIt()
    {
        var schedule = Host.GetRequiredService<CronSchedules>().All.Single(s => s.Kind == NightlyJob.Kind);
        var scheduler = Host.GetRequiredService<CronScheduler>();
        var now = DateTimeOffset.UtcNow;
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var expected = NextThreeAmIn(london, now);

        // Eight nodes at once, and this host's own scheduler (which may have enqueued it already, at start).
        var enqueued = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scheduler.EnqueueNextAsync(schedule, CancellationToken.None)));

        Assert.True(enqueued.Count(id => id is not null) <= 1, $"enqueued {string.Join(", ", enqueued)}");
        await using var connection = await Host.GetRequiredService<Database>().OpenAsync((Guid?)null);
        await using var command = new NpgsqlCommand("SELECT run_at, unique_key FROM jobs WHERE kind = @kind", connection);
        command.Parameters.AddWithValue("kind", NightlyJob.Kind);
        var rows = new List<(DateTimeOffset RunAt, string Key)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
            }
        }
        var only = Assert.Single(rows);
        Assert.Equal(expected, only.RunAt);
        Assert.Equal(3, TimeZoneInfo.ConvertTime(only.RunAt, london).Hour);
        Assert.Equal(schedule.KeyFor(expected), only.Key);
    }

    [Fact]
    public async Task RecordEachFailedAttemptWithItsErrorAndTiming()
    {
        var clinic = await Clinics.CreateAsync(Host, adminEmail: "owner@attempts.test");
        var id = await Host.GetRequiredService<IJobQueue>().EnqueueAsync(
            new JobRequest(FlakyJob.Kind, JsonSerializer.Serialize(new { failUntilAttempt = 2 })) { TenantId = clinic.Id });
        await Waiting.UntilAsync(async () => await SeededJobs.StateAsync(Host, id!.Value) == "succeeded", $"job {id} to succeed");
        var admin = await Clinics.SignInAsync(Host, $"/c/{clinic.Slug}", "owner@attempts.test");

        var page = await admin.GetPageAsync($"/c/{clinic.Slug}/admin/jobs/{id}");

        var rows = page.QuerySelectorAll("[data-testid=job-attempts] tbody tr").ToList();
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.GetAttribute("data-attempt")));
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var cells = rows[attempt - 1].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.StartsWith("Failed, to be retried", cells[0]);
            Assert.Matches(@"(GMT|BST)$", cells[1]);
            Assert.Matches(@"^\d+ ms$|^[\d.]+ s$", cells[2]);
            Assert.Equal($"InvalidOperationException: Planned failure on attempt {attempt}.", cells[3]);
        }
        Assert.StartsWith("Succeeded", rows[2].QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("Succeeded", page.QuerySelector("[data-testid=job-status]")!.TextContent);
    }

    [Theory]
    [InlineData("0 3 * *", "UTC", "cannot be read")]
    [InlineData("0 3 * * *", "Mars/Olympus", "unknown time zone")]
    [InlineData("0 3 * * *", "../../etc/passwd", "unknown time zone")]
    public void RefuseAScheduleItCannotRead(string cron, string zone, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CronSchedules(
            [new RecurringJobDefinition("tests.broken", cron, zone)], [new JobKind("tests.broken", typeof(NightlyJob))]));
        Assert.Contains("tests.broken", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void RefuseARecurringJobWithoutAHandler()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CronSchedules([new RecurringJobDefinition("tests.orphan", "0 3 * * *", "UTC")], []));
        Assert.Contains("has no handler", error.Message);
    }

    private static DateTimeOffset NextThreeAmIn(TimeZoneInfo zone, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var day = local.Hour < 3 ? local.Date : local.Date.AddDays(1);
        var threeAm = day.AddHours(3);
        return new DateTimeOffset(threeAm, zone.GetUtcOffset(threeAm));
    }

    /// <summary>A host with a nightly job at 03:00 London time and a job that fails its first attempts.</summary>
    public sealed class ScheduledHost : IAsyncLifetime
    {
        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await TestHost.StartAsync(configureServices: services =>
        {
            services.AddJob<NightlyJob>(NightlyJob.Kind);
            services.AddRecurringJob(NightlyJob.Kind, "0 3 * * *", "Europe/London", "Runs at three in the morning, London time.");
            services.AddJob<FlakyJob>(FlakyJob.Kind);
        });

        public async Task DisposeAsync()
        {
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
    }

    public sealed class NightlyJob : IJobHandler
    {
        public const string Kind = "tests.nightly";

        public Task ExecuteAsync(JobContext job, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Fails until <c>failUntilAttempt</c>, then succeeds.</summary>
    public sealed class FlakyJob : IJobHandler
    {
        public const string Kind = "tests.flaky";

        public Task ExecuteAsync(JobContext job, CancellationToken cancellationToken)
        {
            using var payload = JsonDocument.Parse(job.PayloadJson);
            return job.Attempt <= payload.RootElement.GetProperty("failUntilAttempt").GetInt32()
                ? throw new InvalidOperationException($"Planned failure on attempt {job.Attempt}.")
                : Task.CompletedTask;
        }
    }
}
