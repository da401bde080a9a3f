using Microsoft.AspNetCore.Authorization;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>Retry, cancel and delete one of the clinic's jobs (POST /admin/jobs/{id}/{retry|cancel|delete}).</summary>
[Authorize(Policy = "jobs.manage")]
public sealed class ActionsModel(JobCommands commands, TenantContext tenancy) : JobActionsPage(commands, tenancy)
{
    protected override bool PlatformPage => false;
}
