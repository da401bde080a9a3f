using Microsoft.AspNetCore.Authorization;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>Any job, for the operator, at /platform/jobs/{id}.</summary>
[Authorize(Policy = "platform.jobs")]
public sealed class PlatformJobModel(JobDashboardQueries queries, ITenantStore tenants, TenantContext tenancy, IAuthorizationService authorization)
    : JobDetailsPage(queries, tenants, tenancy, authorization)
{
    protected override bool PlatformPage => true;
}
