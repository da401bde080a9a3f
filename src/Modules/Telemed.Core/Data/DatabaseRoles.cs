using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Telemed.Core.Data;

/// <summary>
/// Derives the application role's connection from the owner's: same server and database, the
/// non-owner role <c>{owner}_app</c>, and a password every node derives alike from the owner's.
/// </summary>
public static class DatabaseRoles
{
    public static string AppRoleName(string ownerConnectionString) =>
        new NpgsqlConnectionStringBuilder(ownerConnectionString).Username is { Length: > 0 } owner ? $"{owner}_app" : "telemed_app";

    public static string DeriveAppConnectionString(string ownerConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var role = AppRoleName(ownerConnectionString);
        builder.Password = DeriveAppPassword(ownerConnectionString);
        builder.Username = role;
        return builder.ConnectionString;
    }

    public static string? DeriveAppPassword(string ownerConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        if (string.IsNullOrEmpty(builder.Password))
        {
            return null;
        }
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(builder.Password), Encoding.UTF8.GetBytes("telemed-app-role"));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Creates or refreshes the application role. Runs as the owner, which needs CREATEROLE.</summary>
    public static async Task EnsureAppRoleAsync(NpgsqlConnection owner, string ownerConnectionString, CancellationToken cancellationToken)
    {
        var role = AppRoleName(ownerConnectionString);
        var password = DeriveAppPassword(ownerConnectionString);
        var passwordClause = password is null ? "" : $" PASSWORD '{password}'";
        // Roles belong to the whole server, so databases of one server (or tests) may race to create it.
        var alterPassword = password is null ? "NULL;" : $"ALTER ROLE \"{role}\" LOGIN{passwordClause};";
        var sql = $"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                BEGIN
                  CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE{passwordClause};
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                  NULL;
                END;
              ELSIF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}' AND (rolsuper OR rolbypassrls)) THEN
                RAISE EXCEPTION 'The application role {role} can bypass row-level security; make it NOSUPERUSER NOBYPASSRLS.';
              ELSE
                {alterPassword}
              END IF;
            END $$;
            GRANT CONNECT ON DATABASE "{owner.Database}" TO "{role}";
            GRANT USAGE ON SCHEMA public TO "{role}";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}";
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}";
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO "{role}";
            """;
        await using var command = new NpgsqlCommand(sql, owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
