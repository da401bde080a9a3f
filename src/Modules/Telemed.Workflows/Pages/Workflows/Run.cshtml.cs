using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Definitions;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>One run: the graph of the version it ran, with the path it took coloured, and its step log.</summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class RunModel(WorkflowsDb db, ActivityCatalog catalog, TenantContext tenantContext) : PageModel
{
    public WorkflowInstance Run { get; private set; } = null!;
    public IReadOnlyList<WorkflowStep> Steps { get; private set; } = [];
    public string? Appointment { get; private set; }
    public string ViewerData { get; private set; } = "{}";
    public ActivityCatalog Catalog => catalog;

    public async Task<IActionResult> OnGetAsync(Guid instanceId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken) is not { } run) return NotFound();
        Run = run;
        Steps = await db.Steps.AsNoTracking().Where(s => s.InstanceId == instanceId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var definitionJson = await db.Versions.AsNoTracking().Where(v => v.WorkflowTypeId == run.WorkflowTypeId && v.Version == run.WorkflowVersion)
            .Select(v => v.Definition).SingleOrDefaultAsync(cancellationToken)
            ?? await db.Types.AsNoTracking().Where(t => t.Id == run.WorkflowTypeId).Select(t => t.Definition).SingleOrDefaultAsync(cancellationToken) ?? "{}";
        if (run.AppointmentId is { } appointmentId && await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken) is { } row)
        {
            var snapshot = WorkflowSnapshots.Read(row);
            Appointment = $"{snapshot.PatientName} · {snapshot.ServiceName} with {snapshot.HostName} · {When(row.StartUtc)} · {row.Status}";
        }
        var steps = Steps.Select(s => new { s.Id, s.ActivityId, s.ActivityType, s.PreviousStepId, s.Status, s.Outcome });
        ViewerData = WorkflowPages.EditorData(catalog, WorkflowDefinition.Parse(definitionJson), [], steps);
        return Page();
    }

    public string When(DateTimeOffset instant) => WorkflowPages.When(instant, tenantContext.Required);
}
