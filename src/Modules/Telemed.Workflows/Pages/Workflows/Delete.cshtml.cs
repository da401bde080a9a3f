using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>Asks before deleting a workflow, its versions and its run history.</summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class DeleteModel(WorkflowStore store, WorkflowsDb db) : PageModel
{
    public WorkflowType Workflow { get; private set; } = null!;
    public int Runs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await store.FindAsync(id, HttpContext.RequestAborted) is not { } type) return NotFound();
        Workflow = type;
        Runs = await db.Instances.CountAsync(i => i.WorkflowTypeId == id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await store.FindAsync(id, HttpContext.RequestAborted) is not { } type) return NotFound();
        await store.DeleteAsync(id, HttpContext.RequestAborted);
        TempData["Status"] = $"Deleted “{type.Name}”.";
        return RedirectToPage("Index");
    }
}
