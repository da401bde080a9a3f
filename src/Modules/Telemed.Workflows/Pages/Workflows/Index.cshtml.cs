using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>The clinic's workflows: state and problems, last run; enable, duplicate, export, delete, create and import.</summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class IndexModel(WorkflowStore store, WorkflowsDb db, ActivityCatalog catalog, TenantContext tenantContext) : PageModel
{
    public const int MaxImportBytes = 512 * 1024;

    public sealed record Row(WorkflowType Type, IReadOnlyList<WorkflowProblem> Problems, WorkflowInstance? LastRun);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ActivityCatalog Catalog => catalog;

    /// <summary>Why a workflow could not be turned on, shown above the list.</summary>
    public (string Name, IReadOnlyList<WorkflowProblem> Problems)? Refused { get; private set; }

    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? ImportJson { get; set; }
    [BindProperty] public IFormFile? ImportFile { get; set; }

    /// <summary>The clinic's key for verifying signed HTTP requests, shown only after the admin asks for it.</summary>
    public string? SigningKey { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRevealKeyAsync([FromServices] WorkflowSigningKeys keys)
    {
        SigningKey = await keys.DisplayAsync(HttpContext.RequestAborted);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, bool enabled)
    {
        var type = await store.FindAsync(id, HttpContext.RequestAborted);
        if (type is null) return NotFound();
        var problems = await store.SetEnabledAsync(id, enabled, WorkflowPages.UserName(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            Refused = (type.Name, problems);
            await LoadAsync();
            return Page();
        }
        TempData["Status"] = enabled ? $"“{type.Name}” is on: it runs when its start event happens." : $"“{type.Name}” is off.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDuplicateAsync(Guid id)
    {
        var copy = await store.DuplicateAsync(id, WorkflowPages.UserName(User), HttpContext.RequestAborted);
        if (copy is null) return NotFound();
        TempData["Status"] = "Copied; the copy is off until you enable it.";
        return RedirectToPage("Edit", new { id = copy.Id });
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id)
    {
        var type = await store.FindAsync(id, HttpContext.RequestAborted);
        if (type is null) return NotFound();
        var json = System.Text.Json.JsonSerializer.Serialize(WorkflowStore.Document(type), new System.Text.Json.JsonSerializerOptions(WorkflowDefinition.Json) { WriteIndented = true });
        var file = string.Concat(type.Name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
        return File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"workflow-{(file.Length > 60 ? file[..60] : file)}.json");
    }

    public async Task<IActionResult> OnPostNewAsync()
    {
        var name = string.IsNullOrWhiteSpace(NewName) ? "New workflow" : NewName;
        var created = await store.CreateAsync(new WorkflowDocument { Name = name, Enabled = false }, WorkflowPages.UserName(User), "Created", HttpContext.RequestAborted);
        TempData["Status"] = "Workflow created: add a start event from the picker, then the activities that follow it.";
        return RedirectToPage("Edit", new { id = created.Id });
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        var json = ImportJson;
        if (ImportFile is { Length: > 0 } file)
        {
            if (file.Length > MaxImportBytes)
            {
                ModelState.AddModelError(nameof(ImportJson), "The file is too large to be a workflow export.");
            }
            else
            {
                using var reader = new StreamReader(file.OpenReadStream());
                json = await reader.ReadToEndAsync(HttpContext.RequestAborted);
            }
        }
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(json))
        {
            ModelState.AddModelError(nameof(ImportJson), "Paste an exported workflow's JSON or choose its file.");
        }
        if (ModelState.IsValid)
        {
            try
            {
                var document = WorkflowStore.ParseDocument(json!);
                document.Enabled = false;
                var created = await store.CreateAsync(document, WorkflowPages.UserName(User), "Imported", HttpContext.RequestAborted);
                TempData["Status"] = created.IsValid
                    ? $"Imported “{document.Name}”; it is off until you enable it."
                    : $"Imported “{document.Name}” as a draft with {created.Problems.Count} problem(s) to fix.";
                return RedirectToPage("Edit", new { id = created.Id });
            }
            catch (WorkflowImportException exception)
            {
                ModelState.AddModelError(nameof(ImportJson), exception.Message);
            }
        }
        await LoadAsync();
        return Page();
    }

    public string When(DateTimeOffset instant) => WorkflowPages.When(instant, tenantContext.Required);

    private async Task LoadAsync()
    {
        await store.EnsureSetUpAsync(HttpContext.RequestAborted);
        var types = await store.ListAsync(HttpContext.RequestAborted);
        var rows = new List<Row>();
        foreach (var type in types)
        {
            var last = await db.Instances.AsNoTracking().Where(i => i.WorkflowTypeId == type.Id).OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(HttpContext.RequestAborted);
            rows.Add(new Row(type, store.ProblemsOf(type), last));
        }
        Rows = rows;
    }
}
