using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>
/// Where the dashboard is being used: a clinic's admin (its own jobs, at /admin/jobs) or the platform operator
/// (every clinic's, at /platform/jobs). It names the scope, the pages and the policy that allows changes.
/// </summary>
public sealed record JobArea(JobScope Scope, Tenant Viewer, string BasePath, string ActionsPage, string ManagePolicy)
{
    public const string ClinicPath = "/admin/jobs";
    public const string PlatformPath = "/platform/jobs";

    public bool IsPlatform => Scope.IsPlatform;

    /// <summary>The area of <paramref name="tenant"/> when it is served at <paramref name="platformPage"/>'s side, else null (404).</summary>
    public static JobArea? For(Tenant tenant, bool platformPage) => (platformPage, tenant.IsPlatform) switch
    {
        (true, true) => new JobArea(JobScope.Platform, tenant, PlatformPath, "/Jobs/PlatformActions", JobPermissions.PlatformJobs.Name),
        (false, false) => new JobArea(JobScope.Clinic(tenant.Id), tenant, ClinicPath, "/Jobs/Actions", JobPermissions.ManageJobs.Name),
        _ => null,
    };

    public string JobPath(long id) => $"{BasePath}/{id}";

    public ViewerTime TimeAt(DateTimeOffset now) => new(Viewer.TimeZone, now);
}
