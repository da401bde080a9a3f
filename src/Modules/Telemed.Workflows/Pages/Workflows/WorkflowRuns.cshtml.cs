using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>One workflow's runs, newest first.</summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class WorkflowRunsModel(WorkflowStore store, WorkflowsDb db, TenantContext tenantContext) : PageModel
{
    public WorkflowType Workflow { get; private set; } = null!;
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await store.FindAsync(id, HttpContext.RequestAborted) is not { } type) return NotFound();
        Workflow = type;
        Runs = await RunRows.LoadAsync(db, db.Instances.Where(i => i.WorkflowTypeId == id), tenantContext.Required, HttpContext.RequestAborted);
        return Page();
    }
}
