using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.Core.Navigation;
using Telemed.Core.Tenancy;

namespace Telemed.Jobs.Services;

/// <summary>The warnings the jobs dashboard leads with: jobs that failed for good, and a queue running late.</summary>
public sealed record JobWarning(AdminAlertLevel Level, string Message, string LinkText, string Query);

public sealed class JobAlerts(JobDashboardQueries queries, IOptions<JobsDashboardOptions> options) : IAdminAlertSource
{
    public static IReadOnlyList<JobWarning> Warnings(QueueHealth health, TimeSpan lateAfter)
    {
        var warnings = new List<JobWarning>();
        if (health.Failed > 0)
        {
            var jobs = health.Failed == 1 ? "1 background job has" : $"{health.Failed} background jobs have";
            warnings.Add(new JobWarning(AdminAlertLevel.Danger, $"{jobs} failed and stopped retrying.", "Review failed jobs", "?status=failed"));
        }
        if (health.IsLate(lateAfter))
        {
            warnings.Add(new JobWarning(AdminAlertLevel.Warning,
                $"Background jobs are running late: the oldest due job has waited {ViewerTime.Span(health.Lag)}. Check that the job workers are running.",
                "See waiting jobs", "?status=waiting"));
        }
        return warnings;
    }

    /// <summary>The same warnings on the admin and platform home pages.</summary>
    public async Task<IReadOnlyList<AdminAlert>> GetAlertsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var health = await queries.HealthAsync(JobScope.For(tenant), cancellationToken);
        var (permission, path) = tenant.IsPlatform ? (JobPermissions.PlatformJobs.Name, "/platform/jobs") : (JobPermissions.ViewJobs.Name, "/admin/jobs");
        return Warnings(health, options.Value.LateAfter)
            .Select(w => new AdminAlert(permission, w.Message, path + w.Query, w.LinkText, w.Level))
            .ToList();
    }
}
