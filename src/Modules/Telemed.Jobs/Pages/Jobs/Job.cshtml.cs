using Microsoft.AspNetCore.Authorization;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>One of the clinic's jobs, at /admin/jobs/{id}.</summary>
[Authorize(Policy = "jobs.view")]
public sealed class JobModel(JobDashboardQueries queries, ITenantStore tenants, TenantContext tenancy, IAuthorizationService authorization)
    : JobDetailsPage(queries, tenants, tenancy, authorization)
{
    protected override bool PlatformPage => false;
}
