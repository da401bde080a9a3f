using Telemed.Core.Data.Migrations;

namespace Telemed.Api.Data;

/// <summary>The API module's tables (keys, webhook endpoints and their deliveries); they belong to a clinic (forced RLS), so a key is only ever looked up inside its own clinic.</summary>
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
        new(2, "webhooks", $"""
            CREATE TABLE webhook_subscriptions (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
              description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
              events text[] NOT NULL CHECK (cardinality(events) > 0),
              secret_protected text NOT NULL,
              enabled boolean NOT NULL DEFAULT true,
              consecutive_failures integer NOT NULL DEFAULT 0,
              auto_disabled_at timestamptz,
              auto_disabled_reason text,
              created_at timestamptz NOT NULL,
              updated_at timestamptz NOT NULL);
            CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant_id, created_at);
            {TenantTableSql.Isolate("webhook_subscriptions")}

            CREATE TABLE webhook_deliveries (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
              event_id text NOT NULL,
              event_type text NOT NULL,
              body text NOT NULL,
              resend_of uuid REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
              status text NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'failed', 'disabled')),
              attempts integer NOT NULL DEFAULT 0,
              next_attempt_at timestamptz,
              last_status_code integer,
              last_duration_ms integer,
              created_at timestamptz NOT NULL,
              updated_at timestamptz NOT NULL);
            -- One delivery per event and endpoint (a re-run of the event's job adds none); resends are further rows.
            CREATE UNIQUE INDEX webhook_deliveries_event ON webhook_deliveries (tenant_id, subscription_id, event_id) WHERE resend_of IS NULL;
            CREATE INDEX webhook_deliveries_log ON webhook_deliveries (tenant_id, subscription_id, created_at DESC);
            {TenantTableSql.Isolate("webhook_deliveries")}

            CREATE TABLE webhook_attempts (
              id bigserial PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
              attempt integer NOT NULL,
              attempted_at timestamptz NOT NULL,
              request_headers text NOT NULL,
              status_code integer,
              duration_ms integer NOT NULL,
              response_body text,
              error text,
              succeeded boolean NOT NULL);
            CREATE INDEX webhook_attempts_delivery ON webhook_attempts (tenant_id, delivery_id, attempt);
            {TenantTableSql.Isolate("webhook_attempts")}
            """),
        // UNLOGGED: a request counter needs no crash durability, so its writes skip the WAL (one per API request). After a
        // crash PostgreSQL empties it, which only gives every key a fresh window; it is not replicated to standbys either,
        // which is equally harmless. Rows are one per key and window; a key's past windows go when its next window opens.
        new(3, "api rate windows", $"""
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
