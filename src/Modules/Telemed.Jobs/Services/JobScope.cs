using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Tenancy;

namespace Telemed.Jobs.Services;

/// <summary>
/// Whose jobs the dashboard reads and changes: one clinic's, through the clinic views on a connection whose
/// tenant setting is that clinic (so no query of a clinic page can reach another clinic's job), or the whole
/// platform's, on the queue tables themselves with no tenant set.
/// </summary>
public sealed class JobScope
{
    private JobScope(Guid? tenantId) => TenantId = tenantId;

    /// <summary>Every clinic's jobs and the platform's own (the operator's view).</summary>
    public static JobScope Platform { get; } = new(null);

    /// <summary>The clinic whose jobs these are; null for the platform.</summary>
    public Guid? TenantId { get; }

    public bool IsPlatform => TenantId is null;

    internal string Jobs => IsPlatform ? "jobs" : "clinic_jobs";

    internal string Attempts => IsPlatform ? "job_attempts" : "clinic_job_attempts";

    public static JobScope Clinic(Guid tenantId) =>
        tenantId == Tenant.PlatformId || tenantId == Guid.Empty
            ? throw new ArgumentException("A clinic scope needs a clinic, not the platform.", nameof(tenantId))
            : new JobScope(tenantId);

    public static JobScope For(Tenant tenant) => tenant.IsPlatform ? Platform : Clinic(tenant.Id);

    internal Task<NpgsqlConnection> OpenAsync(Database database, CancellationToken cancellationToken) =>
        database.OpenAsync(TenantId, cancellationToken);
}
