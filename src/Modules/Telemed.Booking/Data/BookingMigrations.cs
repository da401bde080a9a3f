using Telemed.Core.Data.Migrations;

namespace Telemed.Booking.Data;

/// <summary>
/// The booking schema. <c>booking_slots</c> carries the rule that matters most: an exclusion
/// constraint refuses two active holds of one host whose buffered times overlap, so two nodes
/// booking the same minute at the same instant cannot both succeed.
/// </summary>
public sealed class BookingMigrations : IMigrationSource
{
    public string Module => "Telemed.Booking";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "services, hosts, slots and appointments", $"""
            -- Trusted since PostgreSQL 13: the database owner may create it.
            CREATE EXTENSION IF NOT EXISTS btree_gist;

            CREATE TABLE booking_services (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
              description text CHECK (length(description) <= 2000),
              durations int[] NOT NULL CHECK (cardinality(durations) > 0),
              telemed boolean NOT NULL DEFAULT false,
              meeting_provider text NOT NULL DEFAULT 'None',
              capacity int NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 500),
              buffer_before_minutes int NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
              buffer_after_minutes int NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
              minimum_notice_minutes int NOT NULL DEFAULT 0 CHECK (minimum_notice_minutes >= 0),
              horizon_days int NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 730),
              change_notice_minutes int NOT NULL DEFAULT 0 CHECK (change_notice_minutes >= 0),
              active boolean NOT NULL DEFAULT true,
              created_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX booking_services_tenant ON booking_services (tenant_id, name);
            {TenantTableSql.Isolate("booking_services")}

            CREATE TABLE booking_hosts (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              user_id uuid,
              display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
              bio text CHECK (length(bio) <= 2000),
              time_zone text NOT NULL,
              availability jsonb NOT NULL,
              active boolean NOT NULL DEFAULT true,
              created_at timestamptz NOT NULL DEFAULT now());
            CREATE UNIQUE INDEX booking_hosts_tenant_user ON booking_hosts (tenant_id, user_id) WHERE user_id IS NOT NULL;
            {TenantTableSql.Isolate("booking_hosts")}

            CREATE TABLE booking_service_hosts (
              {TenantTableSql.TenantColumn},
              service_id uuid NOT NULL REFERENCES booking_services(id) ON DELETE CASCADE,
              host_id uuid NOT NULL REFERENCES booking_hosts(id) ON DELETE CASCADE,
              PRIMARY KEY (service_id, host_id));
            CREATE INDEX booking_service_hosts_host ON booking_service_hosts (host_id);
            {TenantTableSql.Isolate("booking_service_hosts")}

            -- One row per (host, service, start, end) ever booked. busy is the buffered range the
            -- host is committed for while seats are taken; seats are counted on the row itself.
            CREATE TABLE booking_slots (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              host_id uuid NOT NULL REFERENCES booking_hosts(id) ON DELETE CASCADE,
              service_id uuid NOT NULL REFERENCES booking_services(id) ON DELETE CASCADE,
              start_utc timestamptz NOT NULL,
              end_utc timestamptz NOT NULL,
              buffer_before_minutes int NOT NULL,
              buffer_after_minutes int NOT NULL,
              busy tstzrange NOT NULL,
              capacity int NOT NULL CHECK (capacity >= 1),
              seats_taken int NOT NULL CHECK (seats_taken >= 0),
              CHECK (end_utc > start_utc),
              UNIQUE (tenant_id, host_id, service_id, start_utc, end_utc),
              CONSTRAINT booking_slots_no_overlap EXCLUDE USING gist (tenant_id WITH =, host_id WITH =, busy WITH &&) WHERE (seats_taken > 0));
            CREATE INDEX booking_slots_host_time ON booking_slots (tenant_id, host_id, start_utc) WHERE seats_taken > 0;
            {TenantTableSql.Isolate("booking_slots")}

            CREATE TABLE booking_appointments (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              service_id uuid NOT NULL REFERENCES booking_services(id),
              host_id uuid NOT NULL REFERENCES booking_hosts(id),
              slot_id uuid NOT NULL REFERENCES booking_slots(id),
              patient_user_id uuid,
              patient_name text NOT NULL,
              patient_email text NOT NULL,
              patient_phone text,
              patient_time_zone text,
              notes text,
              start_utc timestamptz NOT NULL,
              end_utc timestamptz NOT NULL,
              host_time_zone text NOT NULL,
              status text NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'completed', 'no-show')),
              cancellation_reason text,
              cancelled_by text,
              reschedules jsonb NOT NULL DEFAULT '[]',
              version int NOT NULL DEFAULT 1,
              created_at timestamptz NOT NULL DEFAULT now(),
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX booking_appointments_start ON booking_appointments (tenant_id, start_utc);
            CREATE INDEX booking_appointments_host ON booking_appointments (tenant_id, host_id, start_utc);
            CREATE INDEX booking_appointments_patient ON booking_appointments (tenant_id, lower(patient_email));
            CREATE INDEX booking_appointments_slot ON booking_appointments (slot_id);
            {TenantTableSql.Isolate("booking_appointments")}
            """),
        new(2, "services name their meeting provider by id", TenantTableSql.AcrossClinics("""
            UPDATE booking_services SET meeting_provider = CASE meeting_provider
              WHEN 'None' THEN 'none' WHEN 'Zoom' THEN 'zoom' WHEN 'GoogleMeet' THEN 'google-meet' ELSE lower(meeting_provider) END;
            ALTER TABLE booking_services ALTER COLUMN meeting_provider SET DEFAULT 'none'
            """, "booking_services")),
        new(3, "appointments remember the idempotency key they were booked with", """
            ALTER TABLE booking_appointments ADD COLUMN idempotency_key text, ADD COLUMN idempotency_fingerprint text;
            CREATE UNIQUE INDEX booking_appointments_idempotency ON booking_appointments (tenant_id, idempotency_key)
              WHERE idempotency_key IS NOT NULL;
            """),
        new(4, "a version of each clinic's catalog (services, hosts, who offers what), raised with every change to it", $"""
            CREATE TABLE booking_catalog_versions (
              {TenantTableSql.TenantColumn} PRIMARY KEY,
              version bigint NOT NULL);
            {TenantTableSql.Isolate("booking_catalog_versions")}

            -- Raised in the transaction of the change itself, so a node that reads the version with its query knows whether
            -- the catalog it holds is current. Only in the clinic's own session: a clinic being removed needs no new version.
            CREATE FUNCTION booking_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              clinic uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
            BEGIN
              IF clinic = app_current_tenant() THEN
                INSERT INTO booking_catalog_versions AS v (tenant_id, version) VALUES (clinic, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
              END IF;
              RETURN NULL;
            END $$;
            CREATE TRIGGER booking_services_catalog AFTER INSERT OR UPDATE OR DELETE ON booking_services
              FOR EACH ROW EXECUTE FUNCTION booking_catalog_changed();
            CREATE TRIGGER booking_hosts_catalog AFTER INSERT OR UPDATE OR DELETE ON booking_hosts
              FOR EACH ROW EXECUTE FUNCTION booking_catalog_changed();
            CREATE TRIGGER booking_service_hosts_catalog AFTER INSERT OR UPDATE OR DELETE ON booking_service_hosts
              FOR EACH ROW EXECUTE FUNCTION booking_catalog_changed();
            """),
        new(5, "changes to a clinic's catalog and held seats are announced to every node", $"""
            -- Sent when the change commits (one per clinic and transaction): nodes drop what they hold of that clinic.
            CREATE FUNCTION booking_change_announced() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('{Catalog.BookingCatalogs.Channel}', (CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END)::text);
              RETURN NULL;
            END $$;
            {string.Concat(new[] { "booking_services", "booking_hosts", "booking_service_hosts", "booking_slots" }.Select(table => $"""
                CREATE TRIGGER {table}_announced AFTER INSERT OR UPDATE OR DELETE ON {table}
                  FOR EACH ROW EXECUTE FUNCTION booking_change_announced();

                """))}
            """),
    ];
}
