using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>
/// Failed and dead jobs with their last error and a retry button. A clinic sees its own jobs; the
/// platform (reached at /platform/jobs) sees every clinic's.
/// </summary>
[Authorize(Policy = "jobs.view")]
public sealed class FailedModel(JobStore jobs, TenantContext tenantContext, ITenantStore tenants) : PageModel
{
    public IReadOnlyList<JobView> Jobs { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<Guid, string> ClinicNames { get; private set; } = new Dictionary<Guid, string>();
    public bool IsPlatform => tenantContext.Required.IsPlatform;

    private Guid? Scope => IsPlatform ? null : tenantContext.Required.Id;

    public async Task OnGetAsync()
    {
        Jobs = await jobs.ListProblemsAsync(Scope, cancellationToken: HttpContext.RequestAborted);
        Counts = await jobs.CountByStateAsync(Scope, HttpContext.RequestAborted);
        if (IsPlatform)
        {
            ClinicNames = (await tenants.ListAsync(HttpContext.RequestAborted)).ToDictionary(t => t.Id, t => t.Name);
        }
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        if (await jobs.RetryAsync(id, Scope, HttpContext.RequestAborted))
        {
            TempData["Status"] = $"Job {id} will run again now.";
        }
        else
        {
            TempData["Error"] = $"Job {id} is not waiting for a retry (it may have just succeeded).";
        }
        return Redirect(Request.PathBase + Request.Path);
    }
}
