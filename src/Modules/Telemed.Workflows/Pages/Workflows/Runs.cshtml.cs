using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>Runs across the clinic's workflows, newest first; with <c>?appointment=</c>, every run about one appointment.</summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class RunsModel(WorkflowsDb db, TenantContext tenantContext) : PageModel
{
    [FromQuery(Name = "appointment")] public Guid? Appointment { get; set; }
    public string? AppointmentLabel { get; private set; }
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var runs = Appointment is { } id ? db.Instances.Where(i => i.AppointmentId == id) : db.Instances;
        Runs = await RunRows.LoadAsync(db, runs, tenantContext.Required, HttpContext.RequestAborted);
        AppointmentLabel = Appointment is null ? null : Runs.FirstOrDefault()?.Appointment ?? Appointment.ToString();
    }
}
