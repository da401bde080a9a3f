using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>A workflow's saved versions: who saved what when, a version compared with the current one, and restore.</summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class VersionsModel(WorkflowStore store, TenantContext tenantContext) : PageModel
{
    public WorkflowType Workflow { get; private set; } = null!;
    public IReadOnlyList<WorkflowTypeVersion> Versions { get; private set; } = [];
    public WorkflowTypeVersion? Compared { get; private set; }
    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? compare)
    {
        if (await store.FindAsync(id, HttpContext.RequestAborted) is not { } type) return NotFound();
        Workflow = type;
        Versions = await store.VersionsAsync(id, HttpContext.RequestAborted);
        if (compare is { } number)
        {
            Compared = Versions.FirstOrDefault(v => v.Version == number);
            if (Compared is null) return NotFound();
            Diff = LineDiff.Compare(WorkflowPages.Pretty(Compared.Definition), WorkflowPages.Pretty(type.Definition));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int version)
    {
        if (await store.FindAsync(id, HttpContext.RequestAborted) is null) return NotFound();
        var result = await store.RestoreAsync(id, version, WorkflowPages.UserName(User), HttpContext.RequestAborted);
        if (result is null) return NotFound();
        TempData["Status"] = result.IsValid
            ? $"Restored version {version} as version {result.Version}; the workflow is {(result.Enabled ? "on" : "off")}."
            : $"Restored version {version} as version {result.Version}, a draft with {result.Problems.Count} problem(s).";
        return RedirectToPage(new { id });
    }

    public string When(DateTimeOffset instant) => WorkflowPages.When(instant, tenantContext.Required);
}
