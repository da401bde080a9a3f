namespace Telemed.Core.Tenancy;

/// <summary>The registry of clinics, cached per node and invalidated through the database.</summary>
public interface ITenantStore
{
    Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default);
    Task<Tenant?> FindByHostAsync(string host, CancellationToken cancellationToken = default);
    Task<Tenant?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default);
}
