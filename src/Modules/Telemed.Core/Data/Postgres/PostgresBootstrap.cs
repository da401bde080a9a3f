using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Telemed.Core.Data.Postgres;

/// <summary>
/// Decides where the database is: <c>ConnectionStrings:Postgres</c> when set, otherwise a private
/// cluster under App_Data that is created on first start and reused afterwards.
/// </summary>
public static class PostgresBootstrap
{
    public const string OwnerRole = "telemed_owner";
    public const string DatabaseName = "telemed";

    /// <summary>
    /// Connections one node's pool opens: a few per core keep PostgreSQL busy without queueing inside it, and
    /// leave room in <see cref="EmbeddedPostgres.MaxConnections"/> for other nodes (each has an owner and an app pool).
    /// </summary>
    public static int PoolSize { get; } = Math.Clamp(Environment.ProcessorCount * 10, 20, 50);

    public static async Task<(Database Database, EmbeddedPostgres? Cluster)> StartAsync(
        IConfiguration configuration, string contentRoot, ILogger logger, CancellationToken cancellationToken = default)
    {
        var external = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(external))
        {
            var app = configuration.GetConnectionString("PostgresApp");
            return (new Database(external, string.IsNullOrWhiteSpace(app) ? DatabaseRoles.DeriveAppConnectionString(external) : app), null);
        }

        var dataRoot = ChooseDataRoot(configuration["Database:DataDirectory"] ?? Path.Combine(contentRoot, "App_Data", "postgres"), logger);
        var cluster = new EmbeddedPostgres(dataRoot, logger);
        await cluster.StartAsync(cancellationToken);
        var owner = await EnsureDatabaseAsync(cluster, configuration["Database:Name"] ?? DatabaseName, cancellationToken);
        return (new Database(owner, DatabaseRoles.DeriveAppConnectionString(owner)), cluster);
    }

    /// <summary>Creates the owner role and the database in a cluster, returning the owner's connection string.</summary>
    public static async Task<string> EnsureDatabaseAsync(EmbeddedPostgres cluster, string database, CancellationToken cancellationToken)
    {
        await using (var superuser = new NpgsqlConnection(cluster.SuperuserConnectionString()))
        {
            await superuser.OpenAsync(cancellationToken);
            await ExecuteAsync(superuser, $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                    CREATE ROLE {OwnerRole} LOGIN CREATEROLE;
                  END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                  NULL; -- created a moment ago by another process
                END $$;
                """, cancellationToken);
            if (!await ExistsAsync(superuser, database, cancellationToken))
            {
                try { await ExecuteAsync(superuser, $"CREATE DATABASE \"{database}\" OWNER {OwnerRole}", cancellationToken); }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
            }
        }
        return new NpgsqlConnectionStringBuilder
        {
            Host = cluster.SocketDirectory,
            Port = 5432,
            Username = OwnerRole,
            Database = database,
            MaxPoolSize = PoolSize,
        }.ConnectionString;
    }

    private static string ChooseDataRoot(string preferred, ILogger logger)
    {
        var full = Path.GetFullPath(preferred);
        if (Environment.UserName != "root" || ServiceUserCanReach(Path.GetDirectoryName(full)!))
        {
            return full;
        }
        var fallback = Path.Combine("/var/tmp/telemed-postgres", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..12]);
        logger.LogWarning("The postgres user cannot reach {Preferred}; keeping the cluster in {Fallback}", full, fallback);
        return fallback;
    }

    private static bool ServiceUserCanReach(string directory)
    {
        Directory.CreateDirectory(directory);
        using var probe = Process.Start("runuser", ["-u", "postgres", "--", "test", "-x", directory]);
        probe!.WaitForExit();
        return probe.ExitCode == 0;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
