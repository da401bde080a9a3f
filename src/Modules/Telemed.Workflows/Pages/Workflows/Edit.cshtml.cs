using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>The drawn editor of one workflow: picker, canvas, properties; save as draft or enabled; a dry run against an appointment.</summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class EditModel(WorkflowStore store, WorkflowDryRun dryRun, WorkflowsDb db, ActivityCatalog catalog, TenantContext tenantContext) : PageModel
{
    public const int AppointmentChoices = 50;

    public sealed record AppointmentChoice(Guid Id, string Label);

    public WorkflowType Workflow { get; private set; } = null!;
    public IReadOnlyList<WorkflowProblem> Problems { get; private set; } = [];
    public IReadOnlyList<AppointmentChoice> Appointments { get; private set; } = [];
    public IReadOnlyList<DryRunStep>? DryRunSteps { get; private set; }
    public ActivityCatalog Catalog => catalog;

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string Definition { get; set; } = "{}";
    [BindProperty] public Guid? DryRunAppointment { get; set; }

    /// <summary>The graph drawn: the saved one, or what was posted when the save was refused.</summary>
    private WorkflowDefinition? _posted;

    public string EditorData => WorkflowPages.EditorData(catalog, _posted ?? WorkflowDefinition.Parse(Workflow.Definition), _posted is null ? Problems : []);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Name = Workflow.Name;
        Description = Workflow.Description;
        // Without the script the form still saves what was there.
        Definition = Workflow.Definition;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool enable)
    {
        if (!await LoadAsync(id)) return NotFound();
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinition.Parse(Definition);
        }
        catch (JsonException)
        {
            ModelState.AddModelError("", "The drawn workflow could not be read; reload the page and try again.");
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Give the workflow a name.");
            _posted = definition;
            return Page();
        }
        var result = await store.SaveAsync(id, Name, Description, definition, enable, WorkflowPages.UserName(User),
            string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), HttpContext.RequestAborted);
        if (result is null) return NotFound();
        TempData["Status"] = result.IsValid
            ? $"Saved version {result.Version}; the workflow is {(result.Enabled ? "on" : "off")}."
            : $"Saved version {result.Version} as a draft (off): {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} to fix before it can run.";
        return RedirectToPage(new { id });
    }

    /// <summary>Walks the saved workflow against an appointment without sending or changing anything.</summary>
    public async Task<IActionResult> OnPostDryRunAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Name = Workflow.Name;
        Description = Workflow.Description;
        if (DryRunAppointment is not { } appointment || !await db.Appointments.AnyAsync(a => a.AppointmentId == appointment, HttpContext.RequestAborted))
        {
            ModelState.AddModelError(nameof(DryRunAppointment), "Choose an appointment to try the workflow with.");
            return Page();
        }
        DryRunSteps = await dryRun.RunAsync(WorkflowDefinition.Parse(Workflow.Definition), appointment, HttpContext.RequestAborted);
        return Page();
    }

    public string ActivityName(string activityId) =>
        WorkflowDefinition.Parse(Workflow.Definition).Find(activityId) is { } node ? $"{WorkflowPages.ActivityName(catalog, node.Type)} ({activityId})" : activityId;

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await store.FindAsync(id, HttpContext.RequestAborted) is not { } type) return false;
        Workflow = type;
        Problems = store.ProblemsOf(type);
        var clinic = tenantContext.Required;
        var rows = await db.Appointments.AsNoTracking().OrderByDescending(a => a.StartUtc).Take(AppointmentChoices).ToListAsync(HttpContext.RequestAborted);
        Appointments = rows.Select(row =>
        {
            var a = WorkflowSnapshots.Read(row);
            return new AppointmentChoice(row.AppointmentId, $"{a.PatientName} · {a.ServiceName} with {a.HostName} · {WorkflowPages.When(row.StartUtc, clinic)} · {row.Status}");
        }).ToList();
        return true;
    }
}
