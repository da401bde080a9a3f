using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telemed.Core.Clinic;
using Telemed.Core.Data;
using Telemed.Core.Jobs;

namespace Telemed.Jobs.Services;

/// <summary>A recurring job whose cron expression and zone have been read.</summary>
public sealed record RecurringSchedule(RecurringJobDefinition Definition, CronExpression Expression, TimeZoneInfo Zone)
{
    public string Kind => Definition.Kind;

    /// <summary>The first occurrence strictly after <paramref name="instant"/>; null when the expression never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) => Expression.GetNextOccurrence(instant, Zone);

    /// <summary>The queue's unique key of one occurrence: the same on every node, so it is enqueued once.</summary>
    public string KeyFor(DateTimeOffset occurrence) => $"recurring:{Kind}:{occurrence.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
}

/// <summary>The recurring jobs every module registered with <c>AddRecurringJob</c>, checked once when the host starts.</summary>
public sealed class CronSchedules
{
    public CronSchedules(IEnumerable<RecurringJobDefinition> definitions, IEnumerable<JobKind> kinds)
    {
        var handled = kinds.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var schedules = new List<RecurringSchedule>();
        foreach (var definition in definitions)
        {
            if (schedules.Any(s => s.Kind == definition.Kind))
            {
                throw new InvalidOperationException($"The recurring job '{definition.Kind}' is registered twice.");
            }
            if (!handled.Contains(definition.Kind))
            {
                throw new InvalidOperationException($"The recurring job '{definition.Kind}' has no handler: register one with AddJob.");
            }
            schedules.Add(new RecurringSchedule(definition, Parse(definition), FindZone(definition)));
        }
        All = schedules;
    }

    public IReadOnlyList<RecurringSchedule> All { get; }

    private static CronExpression Parse(RecurringJobDefinition definition)
    {
        var fields = definition.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            return CronExpression.Parse(definition.Cron, format);
        }
        catch (CronFormatException exception)
        {
            throw new InvalidOperationException($"The recurring job '{definition.Kind}' has a cron expression that cannot be read ('{definition.Cron}'): {exception.Message}", exception);
        }
    }

    private static TimeZoneInfo FindZone(RecurringJobDefinition definition) =>
        IanaZones.TryFind(definition.TimeZone, out var zone)
            ? zone
            : throw new InvalidOperationException($"The recurring job '{definition.Kind}' names an unknown time zone '{definition.TimeZone}'; use an IANA name such as Europe/London or UTC.");
}

/// <summary>
/// Keeps the next occurrence of every recurring job in the queue, scheduled for its time. Any number of nodes
/// run this; an occurrence is enqueued only by the node that moves <c>recurring_jobs.next_run_at</c> forward to
/// it, in the transaction that enqueues it, so each occurrence is enqueued exactly once (and, should that ever
/// race, its unique key refuses a second live copy). Occurrences are read in database time, not a node's clock.
/// </summary>
public sealed class CronScheduler(CronSchedules schedules, Database database, IJobQueue queue, ILogger<CronScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var schedule in schedules.All)
            {
                try
                {
                    await EnqueueNextAsync(schedule, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Could not schedule the recurring job {Kind}", schedule.Kind);
                }
            }
            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Enqueues the schedule's next occurrence unless a node already has; returns the job id when this call did.</summary>
    public async Task<long?> EnqueueNextAsync(RecurringSchedule schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync((Guid?)null, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        DateTimeOffset now;
        await using (var clock = new NpgsqlCommand("SELECT now()", connection, transaction))
        {
            now = new DateTimeOffset((DateTime)(await clock.ExecuteScalarAsync(cancellationToken))!, TimeSpan.Zero);
        }
        if (schedule.NextAfter(now)?.ToUniversalTime() is not { } next)
        {
            return null;
        }
        await using (var advance = new NpgsqlCommand("""
            INSERT INTO recurring_jobs (kind, cron, time_zone, next_run_at) VALUES (@kind, @cron, @zone, @next)
            ON CONFLICT (kind) DO UPDATE SET cron = excluded.cron, time_zone = excluded.time_zone,
              next_run_at = excluded.next_run_at, updated_at = now()
            WHERE recurring_jobs.next_run_at < excluded.next_run_at
               OR recurring_jobs.cron <> excluded.cron OR recurring_jobs.time_zone <> excluded.time_zone
            RETURNING 1
            """, connection, transaction))
        {
            advance.Parameters.AddWithValue("kind", schedule.Kind);
            advance.Parameters.AddWithValue("cron", schedule.Definition.Cron);
            advance.Parameters.AddWithValue("zone", schedule.Definition.TimeZone);
            advance.Parameters.AddWithValue("next", next);
            if (await advance.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }
        var id = await queue.EnqueueAsync(new JobRequest(schedule.Kind) { RunAt = next, UniqueKey = schedule.KeyFor(next) }, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogDebug("Scheduled {Kind} for {RunAt:O} as job {Id}", schedule.Kind, next, id);
        return id;
    }
}
