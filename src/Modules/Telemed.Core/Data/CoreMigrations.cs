using Telemed.Core.Data.Migrations;

namespace Telemed.Core.Data;

/// <summary>The kernel's schema: the tenant registry, the RLS helper, shared Data Protection keys, the message log.</summary>
public sealed class CoreMigrations : IMigrationSource
{
    public string Module => "Telemed.Core";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "tenant registry", $"""
            CREATE FUNCTION app_current_tenant() RETURNS uuid
              LANGUAGE sql STABLE
              AS $$ SELECT NULLIF(current_setting('{TenantSession.SettingName}', true), '')::uuid $$;

            CREATE TABLE tenants (
              id uuid PRIMARY KEY,
              slug text NOT NULL UNIQUE,
              name text NOT NULL,
              host_names text[] NOT NULL DEFAULT ARRAY[]::text[],
              state text NOT NULL DEFAULT 'Active',
              theme text NOT NULL DEFAULT 'clinic',
              time_zone text NOT NULL DEFAULT 'UTC',
              created_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX tenants_host_names ON tenants USING gin (host_names);

            INSERT INTO tenants (id, slug, name, theme)
            VALUES ('{Tenancy.Tenant.PlatformId}', 'platform', 'Platform', 'admin');

            CREATE TABLE data_protection_keys (
              friendly_name text PRIMARY KEY,
              xml text NOT NULL,
              created_at timestamptz NOT NULL DEFAULT now());
            """),
        new(2, "message log", $"""
            CREATE TABLE message_log (
              id bigserial PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              channel text NOT NULL,
              recipient text NOT NULL,
              subject text NOT NULL,
              body text NOT NULL,
              status text NOT NULL DEFAULT 'logged',
              created_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX message_log_tenant_created ON message_log (tenant_id, created_at DESC);
            {TenantTableSql.Isolate("message_log")}
            """),
        new(3, "message log records delivery", """
            ALTER TABLE message_log
              ADD COLUMN html_body text,
              ADD COLUMN attachment text,
              ADD COLUMN template text,
              ADD COLUMN appointment_id uuid,
              ADD COLUMN attempts int NOT NULL DEFAULT 0,
              ADD COLUMN provider_answer text,
              ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
            CREATE INDEX message_log_tenant_recipient ON message_log (tenant_id, lower(recipient));
            """),
        new(4, "message log keeps a message sent twice by a retried step once", """
            ALTER TABLE message_log ADD COLUMN dedupe_key text;
            CREATE UNIQUE INDEX message_log_dedupe ON message_log (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
            """),
    ];
}
