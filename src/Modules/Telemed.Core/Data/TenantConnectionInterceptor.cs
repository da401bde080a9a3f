using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Data;

/// <summary>
/// Puts the current tenant into the PostgreSQL session setting that row-level security reads,
/// every time EF Core opens a connection. With no tenant the setting is empty and RLS shows nothing.
/// </summary>
public sealed class TenantConnectionInterceptor(TenantContext tenantContext) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        TenantSession.Apply(connection, tenantContext.TenantId);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        TenantSession.ApplyAsync(connection, tenantContext.TenantId, cancellationToken);
}
