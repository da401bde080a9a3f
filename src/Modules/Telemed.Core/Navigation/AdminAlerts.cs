using Telemed.Core.Tenancy;

namespace Telemed.Core.Navigation;

/// <summary>
/// Something an admin should look at, shown at the top of the admin (or platform) home to users holding
/// <see cref="Permission"/>. <see cref="Path"/> is tenant-relative ("/admin/jobs?status=failed").
/// </summary>
public sealed record AdminAlert(string Permission, string Message, string Path, string LinkText, AdminAlertLevel Level = AdminAlertLevel.Warning);

public enum AdminAlertLevel
{
    Warning,
    Danger,
}

/// <summary>A module's alerts for the tenant being served (the platform's when the operator looks).</summary>
public interface IAdminAlertSource
{
    Task<IReadOnlyList<AdminAlert>> GetAlertsAsync(Tenant tenant, CancellationToken cancellationToken);
}
