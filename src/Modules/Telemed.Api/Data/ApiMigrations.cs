using Telemed.Core.Data.Migrations;

namespace Telemed.Api.Data;

/// <summary>The API module's tables; keys belong to a clinic (forced RLS), so a key is only ever looked up inside its own clinic.</summary>
public sealed class ApiMigrations : IMigrationSource
{
    public string Module => "Telemed.Api";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "api keys", $"""
            CREATE TABLE api_keys (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
              mode text NOT NULL CHECK (mode IN ('live', 'test')),
              prefix text NOT NULL,
              key_hash bytea NOT NULL CHECK (octet_length(key_hash) = 32),
              scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
              created_at timestamptz NOT NULL,
              created_by_user_id uuid,
              expires_at timestamptz,
              last_used_at timestamptz,
              revoked_at timestamptz,
              revoked_by_user_id uuid);
            CREATE UNIQUE INDEX api_keys_hash ON api_keys (tenant_id, key_hash);
            CREATE INDEX api_keys_created ON api_keys (tenant_id, created_at);
            {TenantTableSql.Isolate("api_keys")}
            """),
        // UNLOGGED: a request counter needs no crash durability, so its writes skip the WAL (one per API request). After a
        // crash PostgreSQL empties it, which only gives every key a fresh window; it is not replicated to standbys either,
        // which is equally harmless. Rows are one per key and window; a key's past windows go when its next window opens.
        new(2, "api rate windows", $"""
            CREATE UNLOGGED TABLE api_rate_windows (
              {TenantTableSql.TenantColumn},
              key_id uuid NOT NULL,
              window_start timestamptz NOT NULL,
              count integer NOT NULL,
              PRIMARY KEY (tenant_id, key_id, window_start));
            {TenantTableSql.Isolate("api_rate_windows")}
            """),
    ];
}
