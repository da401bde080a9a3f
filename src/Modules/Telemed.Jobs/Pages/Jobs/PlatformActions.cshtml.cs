using Microsoft.AspNetCore.Authorization;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>Retry, cancel and delete any job, for the operator (POST /platform/jobs/{id}/{retry|cancel|delete}).</summary>
[Authorize(Policy = "platform.jobs")]
public sealed class PlatformActionsModel(JobCommands commands, TenantContext tenancy) : JobActionsPage(commands, tenancy)
{
    protected override bool PlatformPage => true;
}
