using Telemed.Core.Data.Migrations;

namespace Telemed.Zoom.Data;

/// <summary>
/// Zoom's tables. Settings belong to a clinic (forced RLS). The two lookup tables are the platform's: Zoom's webhooks
/// arrive at one endpoint for every clinic, so the Zoom user a delivery is about must be routed to its clinic before any
/// clinic row can be read. They hold ids only. Meetings, the appointments they follow, host connections and OAuth states
/// were Zoom's until version 4 moved them, rows and all, to Telemed.Meetings (which Zoom requires, so its tables exist).
/// </summary>
public sealed class ZoomMigrations : IMigrationSource
{
    public string Module => "Telemed.Zoom";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "zoom settings, connections, meetings", $"""
            CREATE TABLE zoom_settings (
              {TenantTableSql.TenantColumn} PRIMARY KEY,
              enabled boolean NOT NULL DEFAULT true,
              use_own_app boolean NOT NULL DEFAULT false,
              client_id text,
              protected_client_secret text,
              protected_webhook_secret text,
              random_passcode boolean NOT NULL DEFAULT true,
              waiting_room boolean NOT NULL DEFAULT true,
              host_video boolean NOT NULL DEFAULT true,
              participant_video boolean NOT NULL DEFAULT true,
              mute_upon_entry boolean NOT NULL DEFAULT false,
              join_before_host boolean NOT NULL DEFAULT false,
              topic_template text NOT NULL,
              agenda_template text NOT NULL,
              updated_at timestamptz NOT NULL DEFAULT now());
            {TenantTableSql.Isolate("zoom_settings")}

            CREATE TABLE zoom_connections (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              host_id uuid NOT NULL,
              client_id text NOT NULL,
              zoom_user_id text NOT NULL,
              zoom_account_id text NOT NULL,
              zoom_email text NOT NULL,
              protected_access_token text,
              protected_refresh_token text,
              access_token_expires_at timestamptz,
              scopes text NOT NULL DEFAULT '',
              status text NOT NULL CHECK (status IN ('connected', 'lost')),
              lost_reason text,
              connected_by_user_id uuid,
              connected_at timestamptz NOT NULL,
              updated_at timestamptz NOT NULL);
            CREATE UNIQUE INDEX zoom_connections_host ON zoom_connections (tenant_id, host_id);
            CREATE INDEX zoom_connections_zoom_user ON zoom_connections (tenant_id, zoom_user_id);
            {TenantTableSql.Isolate("zoom_connections")}

            CREATE TABLE zoom_oauth_states (
              id text PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              host_id uuid NOT NULL,
              user_id uuid NOT NULL,
              protected_code_verifier text NOT NULL,
              redirect_uri text NOT NULL,
              expires_at timestamptz NOT NULL);
            {TenantTableSql.Isolate("zoom_oauth_states")}

            CREATE TABLE zoom_meetings (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              slot_key text NOT NULL,
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
              zoom_meeting_id bigint,
              join_url text,
              protected_start_url text,
              applied_start_utc timestamptz,
              applied_duration_minutes int,
              applied_topic text,
              create_requested_at timestamptz,
              state text NOT NULL CHECK (state IN ('pending', 'created', 'failed', 'deleted')),
              live_status text,
              attempts int NOT NULL DEFAULT 0,
              last_error text,
              desired_version int NOT NULL DEFAULT 1,
              synced_version int NOT NULL DEFAULT 0,
              created_at timestamptz NOT NULL DEFAULT now(),
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE UNIQUE INDEX zoom_meetings_slot ON zoom_meetings (tenant_id, slot_key);
            CREATE INDEX zoom_meetings_zoom_id ON zoom_meetings (tenant_id, zoom_meeting_id);
            CREATE INDEX zoom_meetings_state ON zoom_meetings (tenant_id, state, start_utc);
            {TenantTableSql.Isolate("zoom_meetings")}

            CREATE TABLE zoom_appointments (
              appointment_id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              slot_key text NOT NULL,
              host_id uuid NOT NULL,
              host_user_id uuid,
              start_utc timestamptz NOT NULL,
              end_utc timestamptz NOT NULL,
              active boolean NOT NULL,
              reason text,
              reason_code text,
              last_event jsonb NOT NULL,
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX zoom_appointments_slot ON zoom_appointments (tenant_id, slot_key);
            CREATE INDEX zoom_appointments_host ON zoom_appointments (tenant_id, host_id, start_utc);
            {TenantTableSql.Isolate("zoom_appointments")}

            CREATE TABLE zoom_user_links (
              zoom_user_id text NOT NULL,
              tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
              PRIMARY KEY (zoom_user_id, tenant_id));

            CREATE TABLE zoom_webhook_receipts (
              signature text PRIMARY KEY,
              received_at timestamptz NOT NULL DEFAULT now());
            """),
        new(2, "zoom meetings remember a deletion at Zoom", """
            ALTER TABLE zoom_meetings ADD COLUMN zoom_deleted_at timestamptz, ADD COLUMN zoom_deleted_meeting_id bigint;
            """),
        new(3, "zoom appointments remember the version they follow", """
            ALTER TABLE zoom_appointments ADD COLUMN applied_version integer NOT NULL DEFAULT 0;
            """),
        new(4, "zoom meetings, appointments, connections and oauth states move to meetings", TenantTableSql.AcrossClinics("""
            INSERT INTO meetings (id, tenant_id, slot_key, provider, host_id, host_name, wanted, end_requested, topic, agenda, start_utc,
              duration_minutes, time_zone, passcode, marker, external_id, join_url, protected_start_url, applied_start_utc,
              applied_duration_minutes, applied_topic, create_requested_at, state, live_status, attempts, last_error,
              deleted_at_provider_at, deleted_at_provider_id, desired_version, synced_version, published_state, published_join_url,
              created_at, updated_at)
            SELECT id, tenant_id, slot_key, 'zoom', host_id, host_name, wanted, end_requested, topic, agenda, start_utc,
              duration_minutes, time_zone, passcode, marker, zoom_meeting_id::text, join_url, protected_start_url, applied_start_utc,
              applied_duration_minutes, applied_topic, create_requested_at, state, live_status, attempts, last_error,
              zoom_deleted_at, zoom_deleted_meeting_id::text, desired_version, synced_version, state, join_url,
              created_at, updated_at
            FROM zoom_meetings;

            INSERT INTO meetings_appointments (appointment_id, tenant_id, slot_key, provider, host_id, host_user_id, host_name,
              patient_name, patient_email, start_utc, end_utc, active, reason, reason_code, last_event, applied_version, updated_at)
            SELECT appointment_id, tenant_id, slot_key, 'zoom', host_id, host_user_id, coalesce(last_event->>'hostName', ''),
              coalesce(last_event->>'patientName', ''), coalesce(last_event->>'patientEmail', ''), start_utc, end_utc, active,
              reason, reason_code, last_event, applied_version, updated_at
            FROM zoom_appointments;

            INSERT INTO meetings_connections (id, tenant_id, provider, host_id, client_id, external_user_id, external_account_id, email,
              protected_access_token, protected_refresh_token, access_token_expires_at, scopes, status, lost_reason,
              connected_by_user_id, connected_at, updated_at)
            SELECT id, tenant_id, 'zoom', host_id, client_id, zoom_user_id, zoom_account_id, zoom_email,
              protected_access_token, protected_refresh_token, access_token_expires_at, scopes, status, lost_reason,
              connected_by_user_id, connected_at, updated_at
            FROM zoom_connections;

            INSERT INTO meetings_oauth_states (id, tenant_id, provider, host_id, user_id, protected_code_verifier, redirect_uri, expires_at)
            SELECT id, tenant_id, 'zoom', host_id, user_id, protected_code_verifier, redirect_uri, expires_at
            FROM zoom_oauth_states
            """, "meetings", "meetings_appointments", "meetings_connections", "meetings_oauth_states",
                "zoom_meetings", "zoom_appointments", "zoom_connections", "zoom_oauth_states") + """
            DROP TABLE zoom_oauth_states, zoom_connections, zoom_appointments, zoom_meetings;
            """),
    ];
}
