using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>
/// Runs across the clinic's workflows, newest first; with <c>?appointment=</c>, every run about one appointment; with
/// <c>?status=stopped</c>, the runs a limit or a failing activity stopped (what the admin home warns about).
/// </summary>
[Authorize(Policy = WorkflowPages.Policy)]
public sealed class RunsModel(WorkflowsDb db, TenantContext tenantContext) : PageModel
{
    public const string Stopped = "stopped";

    [FromQuery(Name = "appointment")] public Guid? Appointment { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    public string? AppointmentLabel { get; private set; }
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var runs = Appointment is { } id ? db.Instances.Where(i => i.AppointmentId == id) : db.Instances;
        if (Status == Stopped)
        {
            runs = runs.Where(i => i.Status == InstanceStatus.Halted || i.Status == InstanceStatus.Faulted);
        }
        Runs = await RunRows.LoadAsync(db, runs, tenantContext.Required, HttpContext.RequestAborted);
        AppointmentLabel = Appointment is null ? null : Runs.FirstOrDefault()?.Appointment ?? Appointment.ToString();
    }
}
