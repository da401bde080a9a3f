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

    /// <summary>
    /// Runs reads as the tenant in one round trip: the tenant setting and the commands go as one batch. The reader comes
    /// back on the first command's results (<see cref="NpgsqlDataReader.NextResultAsync(CancellationToken)"/> moves on).
    /// </summary>
    public async Task<TenantReads> ReadAsync(Guid? tenantId, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken = default)
    {
        var connection = await App.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection);
        try
        {
            batch.BatchCommands.Add(TenantSession.BatchCommand(tenantId));
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }
            var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            return new TenantReads(connection, batch, reader);
        }
        catch
        {
            await batch.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>The results of <see cref="Database.ReadAsync"/>; disposing it returns the connection to the pool.</summary>
public sealed class TenantReads(NpgsqlConnection connection, NpgsqlBatch batch, NpgsqlDataReader reader) : IAsyncDisposable
{
    public NpgsqlDataReader Reader => reader;

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await batch.DisposeAsync();
        await connection.DisposeAsync();
    }
}
