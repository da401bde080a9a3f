using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Jobs;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>A recurring job as the dashboard lists it: its schedule, next run, and the queued job for that run.</summary>
public sealed record RecurringView(RecurringSchedule Schedule, DateTimeOffset? Next, JobSummary? Queued);

/// <summary>Everything the dashboard page shows.</summary>
public sealed record DashboardView(
    JobArea Area, ViewerTime Time, JobFilter Filter, JobCounts Counts, ThroughputChart Chart, IReadOnlyList<JobWarning> Warnings,
    JobPage Jobs, IReadOnlyList<string> Kinds, IReadOnlyDictionary<Guid, string> ClinicNames, IReadOnlyList<RecurringView> Recurring, bool CanManage)
{
    public bool IsFiltered => Filter.Kind is not null || Filter.Status is not null || Filter.Clinic is not null || Filter.Appointment is not null;

    public string ClinicName(Guid? tenantId) => tenantId is { } id ? ClinicNames.GetValueOrDefault(id, "(removed clinic)") : "Platform";

    /// <summary>The list's address with the current filters and another page.</summary>
    public string PageQuery(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("kind", Filter.Kind);
        Add("status", Filter.Status?.Key);
        Add("clinic", Filter.Clinic);
        Add("appointment", Filter.Appointment);
        if (page > 1)
        {
            query.Add($"p={page}");
        }
        return query.Count == 0 ? "" : "?" + string.Join("&", query);
    }
}

/// <summary>Reads what the dashboard shows for an area; the pages stay thin.</summary>
public sealed class DashboardBuilder(JobDashboardQueries queries, CronSchedules schedules, ITenantStore tenants,
    IEnumerable<JobKind> registeredKinds, IOptions<JobsDashboardOptions> options)
{
    public async Task<DashboardView> BuildAsync(JobArea area, JobFilter filter, bool canManage, CancellationToken cancellationToken)
    {
        var scope = area.Scope;
        var health = await queries.HealthAsync(scope, cancellationToken);
        var counts = await queries.CountAsync(scope, cancellationToken);
        var throughput = await queries.ThroughputAsync(scope, cancellationToken);
        var jobs = await queries.ListAsync(scope, filter, options.Value.PageSize, cancellationToken);
        var time = area.TimeAt(health.Now);

        var nextRuns = schedules.All.Select(s => (Schedule: s, Next: s.NextAfter(health.Now))).ToList();
        var queued = await queries.FindLiveByUniqueKeyAsync(scope,
            nextRuns.Where(r => r.Next is not null).Select(r => r.Schedule.KeyFor(r.Next!.Value)).ToList(), cancellationToken);
        var recurring = nextRuns
            .Select(r => new RecurringView(r.Schedule, r.Next, r.Next is { } next ? queued.GetValueOrDefault(r.Schedule.KeyFor(next)) : null))
            .ToList();

        var kinds = counts.ByKind.Select(k => k.Kind)
            .Concat(area.IsPlatform ? registeredKinds.Select(k => k.Name) : [])
            .Concat(filter.Kind is { Length: > 0 } kind ? [kind] : [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var clinicNames = area.IsPlatform
            ? (await tenants.ListAsync(cancellationToken)).Where(t => !t.IsPlatform).ToDictionary(t => t.Id, t => t.Name)
            : new Dictionary<Guid, string>();

        return new DashboardView(area, time, filter, counts, new ThroughputChart(throughput, time),
            JobAlerts.Warnings(health, options.Value.LateAfter), jobs, kinds, clinicNames, recurring, canManage);
    }
}
