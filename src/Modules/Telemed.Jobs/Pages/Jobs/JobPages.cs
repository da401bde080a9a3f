using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>
/// The dashboard: counts, the last hour, the filtered list and the recurring jobs. The clinic's page and the
/// platform's differ only in their area (scope, paths) and in the policy that opens them.
/// </summary>
public abstract class DashboardPage(DashboardBuilder builder, TenantContext tenancy, IAuthorizationService authorization) : PageModel
{
    private const int MaxText = 200;

    protected abstract bool PlatformPage { get; }

    public DashboardView View { get; private set; } = null!;

    /// <param name="p">The page of the list ("page" is Razor Pages' own route value).</param>
    public async Task<IActionResult> OnGetAsync(string? kind, string? status, string? clinic, string? appointment, int p = 1)
    {
        if (JobArea.For(tenancy.Required, PlatformPage) is not { } area)
        {
            return NotFound();
        }
        var filter = new JobFilter(Text(kind), JobStatus.Find(status), Text(clinic), Text(appointment), Math.Clamp(p, 1, 100_000));
        var canManage = (await authorization.AuthorizeAsync(User, area.ManagePolicy)).Succeeded;
        View = await builder.BuildAsync(area, filter, canManage, HttpContext.RequestAborted);
        return Page();
    }

    private static string? Text(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxText ? trimmed[..MaxText] : trimmed;
    }
}

/// <summary>One job: its details, attempts and payload, with the actions its status allows.</summary>
public abstract class JobDetailsPage(JobDashboardQueries queries, ITenantStore tenants, TenantContext tenancy, IAuthorizationService authorization) : PageModel
{
    protected abstract bool PlatformPage { get; }

    public JobDetailsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (JobArea.For(tenancy.Required, PlatformPage) is not { } area)
        {
            return NotFound();
        }
        var canManage = (await authorization.AuthorizeAsync(User, area.ManagePolicy)).Succeeded;
        if (await JobDetailsView.LoadAsync(area, id, canManage, queries, tenants, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}

/// <summary>
/// Retry, cancel and delete, posted from the dashboard or a job's page (antiforgery checked by Razor Pages).
/// A job outside the area's scope (another clinic's id) is not found.
/// </summary>
public abstract class JobActionsPage(JobCommands commands, TenantContext tenancy) : PageModel
{
    protected abstract bool PlatformPage { get; }

    public Task<IActionResult> OnPostRetryAsync(long id, string? returnUrl) => RunAsync(id, returnUrl, commands.RetryAsync, new(
        $"Job {id} will run again now.",
        $"Job {id} has not failed (it may have just run), so there is nothing to retry.",
        $"Job {id} was not retried: another job doing the same work is already queued."));

    public Task<IActionResult> OnPostCancelAsync(long id, string? returnUrl) => RunAsync(id, returnUrl, commands.CancelAsync, new(
        $"Job {id} is cancelled and will not run.",
        $"Job {id} has already started or finished, so it cannot be cancelled."));

    public Task<IActionResult> OnPostDeleteAsync(long id, string? returnUrl) => RunAsync(id, returnUrl, commands.DeleteAsync, new(
        $"Job {id} is deleted.",
        $"Job {id} has not finished, so it cannot be deleted; cancel it first."), deletes: true);

    private async Task<IActionResult> RunAsync(long id, string? returnUrl, Func<JobScope, long, string, CancellationToken, Task<JobCommandResult>> command,
        Outcomes outcomes, bool deletes = false)
    {
        if (JobArea.For(tenancy.Required, PlatformPage) is not { } area)
        {
            return NotFound();
        }
        var by = User.FindFirst("name")?.Value ?? User.Identity?.Name ?? "?";
        var result = await command(area.Scope, id, by, HttpContext.RequestAborted);
        switch (result)
        {
            case JobCommandResult.NotFound:
                return NotFound();
            case JobCommandResult.Done:
                TempData["Status"] = outcomes.Done;
                break;
            case JobCommandResult.Duplicate:
                TempData["Error"] = outcomes.Duplicate ?? outcomes.NotAllowed;
                break;
            default:
                TempData["Error"] = outcomes.NotAllowed;
                break;
        }
        var list = Request.PathBase + area.BasePath;
        var jobPage = Request.PathBase + area.JobPath(id);
        var back = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(list, StringComparison.OrdinalIgnoreCase) ? returnUrl : jobPage;
        // A deleted job's page is gone: go back to the list instead.
        return Redirect(deletes && result == JobCommandResult.Done && back.Split('?')[0] == jobPage ? list : back);
    }

    private sealed record Outcomes(string Done, string NotAllowed, string? Duplicate = null);
}
