using Telemed.Core.Data.Migrations;

namespace Telemed.Meetings.Data;

/// <summary>
/// The meetings of every provider, the appointments they follow, hosts' provider connections, OAuth states and the
/// provider call log; all a clinic's own (forced RLS). Zoom's earlier tables are moved here by Zoom's own migration.
/// </summary>
public sealed class MeetingsMigrations : IMigrationSource
{
    public string Module => "Telemed.Meetings";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "meetings, their appointments, host connections, oauth states, provider calls", $"""
            CREATE TABLE meetings (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              slot_key text NOT NULL,
              provider text NOT NULL,
              host_id uuid NOT NULL,
              host_name text NOT NULL,
              wanted boolean NOT NULL,
              end_requested boolean NOT NULL DEFAULT false,
              topic text NOT NULL,
              agenda text NOT NULL,
              start_utc timestamptz NOT NULL,
              duration_minutes int NOT NULL,
              time_zone text NOT NULL,
              passcode text,
              marker text NOT NULL,
              external_id text,
              join_url text,
              protected_start_url text,
              applied_start_utc timestamptz,
              applied_duration_minutes int,
              applied_topic text,
              create_requested_at timestamptz,
              state text NOT NULL CHECK (state IN ('pending', 'created', 'failed', 'deleted', 'ended')),
              live_status text,
              attempts int NOT NULL DEFAULT 0,
              last_error text,
              cancel_reason text,
              deleted_at_provider_at timestamptz,
              deleted_at_provider_id text,
              desired_version int NOT NULL DEFAULT 1,
              synced_version int NOT NULL DEFAULT 0,
              published_state text,
              published_join_url text,
              event_version int NOT NULL DEFAULT 0,
              created_at timestamptz NOT NULL DEFAULT now(),
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE UNIQUE INDEX meetings_slot ON meetings (tenant_id, slot_key);
            CREATE INDEX meetings_external ON meetings (tenant_id, provider, external_id);
            CREATE INDEX meetings_state ON meetings (tenant_id, state, start_utc);
            {TenantTableSql.Isolate("meetings")}

            CREATE TABLE meetings_appointments (
              appointment_id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              slot_key text NOT NULL,
              provider text NOT NULL,
              host_id uuid NOT NULL,
              host_user_id uuid,
              host_name text NOT NULL DEFAULT '',
              patient_name text NOT NULL DEFAULT '',
              patient_email text NOT NULL DEFAULT '',
              start_utc timestamptz NOT NULL,
              end_utc timestamptz NOT NULL,
              active boolean NOT NULL,
              reason text,
              reason_code text,
              last_event jsonb NOT NULL,
              applied_version int NOT NULL DEFAULT 0,
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX meetings_appointments_slot ON meetings_appointments (tenant_id, slot_key);
            CREATE INDEX meetings_appointments_host ON meetings_appointments (tenant_id, host_id, start_utc);
            {TenantTableSql.Isolate("meetings_appointments")}

            CREATE TABLE meetings_connections (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              provider text NOT NULL,
              host_id uuid NOT NULL,
              client_id text NOT NULL,
              external_user_id text NOT NULL,
              external_account_id text NOT NULL,
              email text NOT NULL,
              protected_access_token text,
              protected_refresh_token text,
              access_token_expires_at timestamptz,
              scopes text NOT NULL DEFAULT '',
              status text NOT NULL CHECK (status IN ('connected', 'lost')),
              lost_reason text,
              connected_by_user_id uuid,
              connected_at timestamptz NOT NULL,
              updated_at timestamptz NOT NULL);
            CREATE UNIQUE INDEX meetings_connections_host ON meetings_connections (tenant_id, provider, host_id);
            CREATE INDEX meetings_connections_user ON meetings_connections (tenant_id, provider, external_user_id);
            {TenantTableSql.Isolate("meetings_connections")}

            CREATE TABLE meetings_oauth_states (
              id text PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              provider text NOT NULL,
              host_id uuid NOT NULL,
              user_id uuid NOT NULL,
              protected_code_verifier text NOT NULL,
              redirect_uri text NOT NULL,
              expires_at timestamptz NOT NULL);
            {TenantTableSql.Isolate("meetings_oauth_states")}

            CREATE TABLE meetings_provider_calls (
              id bigserial PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
              provider text NOT NULL,
              operation text NOT NULL,
              succeeded boolean NOT NULL,
              error text,
              duration_ms int NOT NULL,
              at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX meetings_provider_calls_meeting ON meetings_provider_calls (tenant_id, meeting_id, at DESC);
            {TenantTableSql.Isolate("meetings_provider_calls")}
            """),
    ];
}
