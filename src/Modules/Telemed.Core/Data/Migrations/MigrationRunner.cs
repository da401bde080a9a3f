using Microsoft.Extensions.Logging;
using Npgsql;
using Telemed.Core.Modules;

namespace Telemed.Core.Data.Migrations;

/// <summary>
/// Applies pending migrations at start-up, each in its own transaction, under a PostgreSQL advisory
/// lock so that several nodes starting together apply the schema exactly once. Modules migrate in
/// start-up order (after the modules they require).
/// </summary>
public sealed class MigrationRunner(IEnumerable<IMigrationSource> sources, ModuleCatalog catalog, ILogger<MigrationRunner> logger)
{
    // An arbitrary constant shared by every node of the product.
    private const long AdvisoryLockKey = 0x7E1E_3ED0_0001;

    public async Task<int> ApplyAsync(string ownerConnectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        // However long another node takes to migrate: a command timeout here would fail a node that only had to wait.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken, timeoutSeconds: 0);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                  module text NOT NULL,
                  version int NOT NULL,
                  name text NOT NULL,
                  applied_at timestamptz NOT NULL DEFAULT now(),
                  PRIMARY KEY (module, version))
                """, cancellationToken);

            var applied = await LoadAppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var source in sources.OrderBy(s => catalog.PositionOf(s.Module)).ThenBy(s => s.Module, StringComparer.Ordinal))
            {
                foreach (var migration in source.Migrations.OrderBy(m => m.Version))
                {
                    if (applied.Contains((source.Module, migration.Version)))
                    {
                        continue;
                    }
                    await ApplyOneAsync(connection, source.Module, migration, cancellationToken);
                    count++;
                }
            }
            await DatabaseRoles.EnsureAppRoleAsync(connection, ownerConnectionString, cancellationToken);
            return count;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, string module, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (module, version, name) VALUES (@module, @version, @name)", connection, transaction))
            {
                record.Parameters.AddWithValue("module", module);
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Module} {Version} {Name}", module, migration.Version, migration.Name);
        }
        catch (PostgresException exception)
        {
            throw new InvalidOperationException(
                $"Migration {module} {migration.Version} '{migration.Name}' failed: {exception.MessageText}", exception);
        }
    }

    private static async Task<HashSet<(string, int)>> LoadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<(string, int)>();
        await using var command = new NpgsqlCommand("SELECT module, version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, int? timeoutSeconds = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (timeoutSeconds is { } timeout)
        {
            command.CommandTimeout = timeout;
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
