using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Providers;
using Telemed.Meetings.Services;

namespace Telemed.Meetings.Pages.Meetings;

/// <summary>The clinic's video meetings with state, attempts, last error and provider calls: retry, end, cancel with a reason, delete.</summary>
[Authorize(Policy = MeetingsPermissions.Names.Manage)]
public sealed class AdminMeetingsModel(MeetingList list, MeetingActions actions, MeetingProviderRegistry providers, TenantContext tenantContext, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? Patient { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<MeetingRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Providers { get; private set; } = [];

    /// <summary>Times in the clinic's zone, with its abbreviation.</summary>
    public ViewerTime Time { get; } = new(tenantContext.Required.TimeZone, clock.GetUtcNow());

    public string NameOf(string provider) => providers.NameOf(provider);

    public async Task OnGetAsync()
    {
        var inUse = await list.ProvidersInUseAsync(HttpContext.RequestAborted);
        Providers = providers.All.Select(p => p.Id).Union(inUse).Select(id => (id, providers.NameOf(id))).ToList();
        Rows = await list.FindAsync(new MeetingFilter(State, Provider, Patient, Q), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id) => Done(await actions.RetryAsync(id, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostEndAsync(Guid id) => Done(await actions.EndAsync(id, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostCancelAsync(Guid id, [StringLength(MeetingActions.MaxReasonLength)] string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || !ModelState.IsValid)
        {
            return Done(MeetingActionResult.Refused($"Give a reason of at most {MeetingActions.MaxReasonLength} characters; the patient is told."));
        }

        return Done(await actions.CancelAsync(id, reason, HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id) => Done(await actions.DeleteAsync(id, HttpContext.RequestAborted));

    private RedirectToPageResult Done(MeetingActionResult result)
    {
        TempData[result.Succeeded ? "Status" : "Error"] = result.Message;
        return RedirectToPage(new { State, Provider, Patient, Q });
    }
}
