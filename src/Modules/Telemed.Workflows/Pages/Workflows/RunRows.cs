using Microsoft.EntityFrameworkCore;
using Telemed.Core.Tenancy;
using Telemed.Workflows.Data;
using Telemed.Workflows.Engine;

namespace Telemed.Workflows.Pages.Workflows;

/// <summary>A run as the run lists show it: with the appointment it was about, as last known.</summary>
public sealed record RunRow(WorkflowInstance Run, string? Appointment);

public static class RunRows
{
    public const int PageSize = 100;

    public static async Task<IReadOnlyList<RunRow>> LoadAsync(WorkflowsDb db, IQueryable<WorkflowInstance> runs, Tenant clinic, CancellationToken cancellationToken)
    {
        var list = await runs.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(PageSize).ToListAsync(cancellationToken);
        var ids = list.Where(i => i.AppointmentId is not null).Select(i => i.AppointmentId!.Value).Distinct().ToList();
        var appointments = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.AppointmentId)).ToListAsync(cancellationToken);
        var labels = appointments.ToDictionary(a => a.AppointmentId, a =>
        {
            var snapshot = WorkflowSnapshots.Read(a);
            return $"{snapshot.PatientName} · {snapshot.ServiceName} · {WorkflowPages.When(a.StartUtc, clinic)}";
        });
        return list.Select(i => new RunRow(i, i.AppointmentId is { } id ? labels.GetValueOrDefault(id, id.ToString()) : null)).ToList();
    }
}
