namespace Telemed.Core.Tenancy;

/// <summary>
/// The tenant the current request or job runs for. Scoped: set once by the tenant middleware,
/// the job worker or <see cref="TenantScopeFactory"/>, read by data access and pages.
/// </summary>
public sealed class TenantContext
{
    private Tenant? _tenant;

    public Tenant? Tenant => _tenant;

    /// <summary>The path prefix that reaches this tenant ("/c/demo"), empty when reached by host name.</summary>
    public string PathBase { get; private set; } = "";

    public Tenant Required => _tenant ?? throw new InvalidOperationException("No tenant is set for this operation.");

    public Guid? TenantId => _tenant?.Id;

    public void Set(Tenant tenant, string pathBase = "")
    {
        if (_tenant is not null && _tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        }
        _tenant = tenant;
        PathBase = pathBase;
    }
}
