using Telemed.Core.Data.Migrations;

namespace Telemed.Notifications.Data;

/// <summary>The notification module's tables; every one belongs to a clinic (forced RLS).</summary>
public sealed class NotificationsMigrations : IMigrationSource
{
    public string Module => "Telemed.Notifications";
    public int Order => 200;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "templates, history, settings, appointments, reminders, opt-outs, outbox", $"""
            CREATE TABLE notification_templates (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              key text NOT NULL,
              enabled boolean NOT NULL DEFAULT true,
              subject text NOT NULL DEFAULT '',
              html text NOT NULL DEFAULT '',
              text text NOT NULL DEFAULT '',
              sms text NOT NULL DEFAULT '',
              updated_at timestamptz NOT NULL DEFAULT now(),
              updated_by text);
            CREATE UNIQUE INDEX notification_templates_key ON notification_templates (tenant_id, key);
            {TenantTableSql.Isolate("notification_templates")}

            CREATE TABLE notification_template_revisions (
              id bigserial PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              key text NOT NULL,
              enabled boolean NOT NULL,
              subject text NOT NULL,
              html text NOT NULL,
              text text NOT NULL,
              sms text NOT NULL,
              change text NOT NULL,
              changed_by text,
              changed_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX notification_template_revisions_key ON notification_template_revisions (tenant_id, key, changed_at DESC);
            {TenantTableSql.Isolate("notification_template_revisions")}

            CREATE TABLE notification_settings (
              {TenantTableSql.TenantColumn} PRIMARY KEY,
              reminder_offsets integer[] NOT NULL DEFAULT ARRAY[1440, 60],
              sms_enabled boolean NOT NULL DEFAULT true,
              staff_email text);
            {TenantTableSql.Isolate("notification_settings")}

            CREATE TABLE notification_appointments (
              appointment_id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              version integer NOT NULL,
              status text NOT NULL,
              patient_name text NOT NULL,
              start_utc timestamptz NOT NULL,
              last_event jsonb NOT NULL,
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX notification_appointments_start ON notification_appointments (tenant_id, start_utc DESC);
            {TenantTableSql.Isolate("notification_appointments")}

            CREATE TABLE notification_reminders (
              id uuid PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              appointment_id uuid NOT NULL,
              offset_minutes integer NOT NULL,
              due_at timestamptz NOT NULL,
              version integer NOT NULL,
              state text NOT NULL CHECK (state IN ('scheduled', 'sent', 'moved', 'dropped')),
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX notification_reminders_appointment ON notification_reminders (tenant_id, appointment_id);
            {TenantTableSql.Isolate("notification_reminders")}

            CREATE TABLE notification_sms_opt_outs (
              {TenantTableSql.TenantColumn},
              phone text NOT NULL,
              opted_out_at timestamptz NOT NULL DEFAULT now(),
              PRIMARY KEY (tenant_id, phone));
            {TenantTableSql.Isolate("notification_sms_opt_outs")}

            CREATE TABLE notification_outbox (
              id bigserial PRIMARY KEY,
              {TenantTableSql.TenantColumn},
              mail_from text NOT NULL,
              recipients text NOT NULL,
              subject text NOT NULL,
              mime text NOT NULL,
              received_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX notification_outbox_received ON notification_outbox (tenant_id, received_at DESC);
            {TenantTableSql.Isolate("notification_outbox")}
            """),
        new(2, "settings record when the templates were reviewed", """
            ALTER TABLE notification_settings ADD COLUMN templates_reviewed_at timestamptz, ADD COLUMN templates_reviewed_by text;
            """),
    ];
}
