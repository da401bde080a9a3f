using Microsoft.AspNetCore.Authorization;
using Telemed.Core.Tenancy;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>The operator's jobs dashboard at /platform/jobs: every clinic's jobs and the platform's own.</summary>
[Authorize(Policy = "platform.jobs")]
public sealed class PlatformDashboardModel(DashboardBuilder builder, TenantContext tenancy, IAuthorizationService authorization)
    : DashboardPage(builder, tenancy, authorization)
{
    protected override bool PlatformPage => true;
}
