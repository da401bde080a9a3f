using Telemed.Core.Data.Migrations;

namespace Telemed.Workflows.Data;

/// <summary>The workflows module's tables; every one belongs to a clinic (forced RLS).</summary>
public sealed class WorkflowsMigrations : IMigrationSource
{
    public string Module => "Telemed.Workflows";
    public int Order => 300;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "workflow types, versions, instances, steps, appointments, setup", $$"""
            CREATE TABLE workflow_types (
              id uuid PRIMARY KEY,
              {{TenantTableSql.TenantColumn}},
              name text NOT NULL,
              description text,
              enabled boolean NOT NULL DEFAULT false,
              version integer NOT NULL,
              definition jsonb NOT NULL,
              start_events text[] NOT NULL DEFAULT '{}',
              problems jsonb,
              created_at timestamptz NOT NULL DEFAULT now(),
              updated_at timestamptz NOT NULL DEFAULT now(),
              updated_by text);
            CREATE INDEX workflow_types_start ON workflow_types USING gin (start_events) WHERE enabled;
            CREATE INDEX workflow_types_tenant ON workflow_types (tenant_id, name);
            {{TenantTableSql.Isolate("workflow_types")}}

            CREATE TABLE workflow_type_versions (
              id bigserial PRIMARY KEY,
              {{TenantTableSql.TenantColumn}},
              workflow_type_id uuid NOT NULL REFERENCES workflow_types (id) ON DELETE CASCADE,
              version integer NOT NULL,
              name text NOT NULL,
              definition jsonb NOT NULL,
              note text,
              saved_by text,
              saved_at timestamptz NOT NULL DEFAULT now(),
              UNIQUE (workflow_type_id, version));
            {{TenantTableSql.Isolate("workflow_type_versions")}}

            CREATE TABLE workflow_instances (
              id uuid PRIMARY KEY,
              {{TenantTableSql.TenantColumn}},
              workflow_type_id uuid NOT NULL REFERENCES workflow_types (id) ON DELETE CASCADE,
              workflow_version integer NOT NULL,
              workflow_name text NOT NULL,
              appointment_id uuid,
              trigger_key text NOT NULL,
              trigger_event text NOT NULL,
              trigger_data jsonb NOT NULL DEFAULT '{}',
              status text NOT NULL,
              step_count integer NOT NULL DEFAULT 0,
              halt_reason text,
              created_at timestamptz NOT NULL DEFAULT now(),
              updated_at timestamptz NOT NULL DEFAULT now(),
              finished_at timestamptz,
              UNIQUE (workflow_type_id, trigger_key));
            CREATE INDEX workflow_instances_appointment ON workflow_instances (tenant_id, appointment_id, created_at DESC);
            CREATE INDEX workflow_instances_type ON workflow_instances (workflow_type_id, created_at DESC);
            {{TenantTableSql.Isolate("workflow_instances")}}

            CREATE TABLE workflow_steps (
              id bigserial PRIMARY KEY,
              {{TenantTableSql.TenantColumn}},
              instance_id uuid NOT NULL REFERENCES workflow_instances (id) ON DELETE CASCADE,
              activity_id text NOT NULL,
              activity_type text NOT NULL,
              previous_step_id bigint,
              status text NOT NULL,
              outcome text,
              note text,
              error text,
              input jsonb NOT NULL DEFAULT '{}',
              sends_messages boolean NOT NULL DEFAULT false,
              waiting_for text,
              wait_until timestamptz,
              attempts integer NOT NULL DEFAULT 0,
              created_at timestamptz NOT NULL DEFAULT now(),
              started_at timestamptz,
              finished_at timestamptz);
            CREATE INDEX workflow_steps_instance ON workflow_steps (instance_id, id);
            CREATE INDEX workflow_steps_waiting ON workflow_steps (tenant_id, waiting_for) WHERE status = 'waiting';
            {{TenantTableSql.Isolate("workflow_steps")}}

            CREATE TABLE workflow_appointments (
              appointment_id uuid PRIMARY KEY,
              {{TenantTableSql.TenantColumn}},
              version integer NOT NULL,
              appointment jsonb NOT NULL,
              meeting jsonb,
              meeting_version integer NOT NULL DEFAULT 0,
              slot_key text NOT NULL,
              start_utc timestamptz NOT NULL,
              status text NOT NULL,
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX workflow_appointments_start ON workflow_appointments (tenant_id, start_utc DESC);
            CREATE INDEX workflow_appointments_slot ON workflow_appointments (tenant_id, slot_key);
            {{TenantTableSql.Isolate("workflow_appointments")}}

            CREATE TABLE workflow_setup (
              {{TenantTableSql.TenantColumn}} PRIMARY KEY,
              set_up_at timestamptz,
              how text,
              protected_signing_secret text);
            {{TenantTableSql.Isolate("workflow_setup")}}
            """),
    ];
}
