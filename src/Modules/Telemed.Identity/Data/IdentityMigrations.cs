using Telemed.Core.Data.Migrations;

namespace Telemed.Identity.Data;

/// <summary>
/// Identity's tables. Users and roles are tenant-owned; the join and token tables are reached only
/// through a user or role, and their rows carry no tenant of their own, so they are protected by
/// policies that look up the owning user's or role's tenant.
/// </summary>
public sealed class IdentityMigrations : IMigrationSource
{
    public string Module => "Telemed.Identity";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "users and roles", $"""
            CREATE TABLE users (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              display_name text NOT NULL DEFAULT '',
              created_at timestamptz NOT NULL DEFAULT now(),
              user_name varchar(256), normalized_user_name varchar(256),
              email varchar(256), normalized_email varchar(256), email_confirmed boolean NOT NULL DEFAULT false,
              password_hash text, security_stamp text, concurrency_stamp text,
              phone_number text, phone_number_confirmed boolean NOT NULL DEFAULT false,
              two_factor_enabled boolean NOT NULL DEFAULT false,
              lockout_end timestamptz, lockout_enabled boolean NOT NULL DEFAULT true,
              access_failed_count int NOT NULL DEFAULT 0);
            CREATE UNIQUE INDEX users_tenant_user_name ON users (tenant_id, normalized_user_name);
            CREATE UNIQUE INDEX users_tenant_email ON users (tenant_id, normalized_email);
            {TenantTableSql.Isolate("users")}

            CREATE TABLE roles (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              name varchar(256), normalized_name varchar(256), concurrency_stamp text);
            CREATE UNIQUE INDEX roles_tenant_name ON roles (tenant_id, normalized_name);
            {TenantTableSql.Isolate("roles")}

            CREATE TABLE user_roles (
              user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              role_id uuid NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
              PRIMARY KEY (user_id, role_id));
            CREATE TABLE user_claims (
              id serial PRIMARY KEY, user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              claim_type text, claim_value text);
            CREATE TABLE user_logins (
              login_provider text NOT NULL, provider_key text NOT NULL, provider_display_name text,
              user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              PRIMARY KEY (login_provider, provider_key));
            CREATE TABLE user_tokens (
              user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              login_provider text NOT NULL, name text NOT NULL, value text,
              PRIMARY KEY (user_id, login_provider, name));
            CREATE TABLE role_claims (
              id serial PRIMARY KEY, role_id uuid NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
              claim_type text, claim_value text);

            {ThroughOwner("user_roles", "user_id", "users")}
            {ThroughOwner("user_claims", "user_id", "users")}
            {ThroughOwner("user_logins", "user_id", "users")}
            {ThroughOwner("user_tokens", "user_id", "users")}
            {ThroughOwner("role_claims", "role_id", "roles")}
            """),
    ];

    private static string ThroughOwner(string table, string column, string owner) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
          USING (EXISTS (SELECT 1 FROM {owner} o WHERE o.id = {table}.{column}))
          WITH CHECK (EXISTS (SELECT 1 FROM {owner} o WHERE o.id = {table}.{column}));
        """;
}
