using Npgsql;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Data;

/// <summary>
/// The two ways the product reaches PostgreSQL: as the schema owner (migrations only) and as the
/// application role, which owns nothing and is therefore subject to forced row-level security.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    public Database(string ownerConnectionString, string appConnectionString)
    {
        OwnerConnectionString = ownerConnectionString;
        AppConnectionString = appConnectionString;
        App = NpgsqlDataSource.Create(appConnectionString);
    }

    public string OwnerConnectionString { get; }
    public string AppConnectionString { get; }

    /// <summary>The pooled data source every module uses.</summary>
    public NpgsqlDataSource App { get; }

    /// <summary>Opens an application connection whose RLS setting is the given tenant (none: sees no tenant rows).</summary>
    public async Task<NpgsqlConnection> OpenAsync(Guid? tenantId, CancellationToken cancellationToken = default)
    {
        var connection = await App.OpenConnectionAsync(cancellationToken);
        await TenantSession.ApplyAsync(connection, tenantId, cancellationToken);
        return connection;
    }

    public Task<NpgsqlConnection> OpenAsync(TenantContext tenantContext, CancellationToken cancellationToken = default) =>
        OpenAsync(tenantContext.TenantId, cancellationToken);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
