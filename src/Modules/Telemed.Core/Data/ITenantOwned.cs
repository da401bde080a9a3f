namespace Telemed.Core.Data;

/// <summary>A row that belongs to one clinic. Filtered by EF Core and by PostgreSQL row-level security.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
