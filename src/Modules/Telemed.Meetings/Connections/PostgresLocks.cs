using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Telemed.Core.Data;

namespace Telemed.Meetings.Connections;

/// <summary>
/// Cluster-wide mutual exclusion through PostgreSQL advisory locks: a transaction on its own connection takes
/// <c>pg_advisory_xact_lock</c> and holds it until disposed, so every process sharing the database queues
/// behind it, and a crashed holder releases it with its connection.
/// </summary>
public sealed class PostgresLocks(Database database)
{
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await database.App.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
            command.Parameters.AddWithValue("key", KeyOf(name));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            finally
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }
}
