using Microsoft.AspNetCore.Authorization;
using Telemed.Core.Tenancy;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>The clinic's jobs dashboard at /admin/jobs: only its own jobs.</summary>
[Authorize(Policy = "jobs.view")]
public sealed class DashboardModel(DashboardBuilder builder, TenantContext tenancy, IAuthorizationService authorization)
    : DashboardPage(builder, tenancy, authorization)
{
    protected override bool PlatformPage => false;
}
