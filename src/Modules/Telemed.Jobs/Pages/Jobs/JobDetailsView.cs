using System.Text.Encodings.Web;
using System.Text.Json;
using Telemed.Core.Clinic;
using Telemed.Core.Tenancy;
using Telemed.Jobs.Services;

namespace Telemed.Jobs.Pages.Jobs;

/// <summary>
/// One job's page. A clinic's admin reads its jobs' payloads in full; the operator reads the platform's own,
/// but of a clinic's job only the field names, as the payload is that clinic's data (patients' names, e-mails).
/// </summary>
public sealed record JobDetailsView(JobArea Area, ViewerTime Time, JobDetails Details, string? ClinicName, bool CanManage)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JobSummary Job => Details.Job;

    public JobStatus Status => Details.Status;

    public bool ShowsPayload => !Area.IsPlatform || Job.TenantId is null;

    public string Payload
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Details.PayloadJson);
                return JsonSerializer.Serialize(document.RootElement, Indented);
            }
            catch (JsonException)
            {
                return Details.PayloadJson;
            }
        }
    }

    public IReadOnlyList<string> PayloadFields
    {
        get
        {
            using var document = JsonDocument.Parse(Details.PayloadJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(p => p.Name).ToList()
                : [];
        }
    }

    public static async Task<JobDetailsView?> LoadAsync(JobArea area, long id, bool canManage, JobDashboardQueries queries, ITenantStore tenants, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(area.Scope, id, cancellationToken) is not { } details)
        {
            return null;
        }
        var clinic = details.Job.TenantId is { } tenantId ? (await tenants.FindByIdAsync(tenantId, cancellationToken))?.Name ?? "(removed clinic)" : null;
        return new JobDetailsView(area, area.TimeAt(details.Now), details, clinic, canManage);
    }
}
