using Telemed.Core.Data.Migrations;

namespace Telemed.Jobs.Data;

/// <summary>
/// The queue table. It is the platform's, not a clinic's: workers claim across clinics, so it has no
/// row-level security; each job carries its tenant, and clinic pages read it through the clinic views.
/// </summary>
public sealed class JobsMigrations : IMigrationSource
{
    public string Module => "Telemed.Jobs";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "job queue", """
            CREATE TABLE jobs (
              id bigserial PRIMARY KEY,
              tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
              kind text NOT NULL,
              payload jsonb NOT NULL DEFAULT '{}',
              state text NOT NULL DEFAULT 'available'
                CHECK (state IN ('available', 'running', 'retrying', 'succeeded', 'dead', 'cancelled')),
              attempt int NOT NULL DEFAULT 0,
              max_attempts int NOT NULL,
              run_at timestamptz NOT NULL DEFAULT now(),
              lease_until timestamptz,
              lease_token uuid,
              locked_by text,
              unique_key text,
              last_error text,
              created_at timestamptz NOT NULL DEFAULT now(),
              updated_at timestamptz NOT NULL DEFAULT now(),
              finished_at timestamptz);
            CREATE INDEX jobs_ready ON jobs (run_at, id) WHERE state IN ('available', 'retrying');
            CREATE INDEX jobs_leased ON jobs (lease_until) WHERE state = 'running';
            CREATE INDEX jobs_tenant_state ON jobs (tenant_id, state, updated_at DESC);
            CREATE UNIQUE INDEX jobs_unique_live ON jobs (unique_key)
              WHERE unique_key IS NOT NULL AND state IN ('available', 'running', 'retrying');
            """),
        new(2, "recurring schedules", """
            -- The latest occurrence of each recurring job that some node has enqueued: a node enqueues an
            -- occurrence only by moving this forward, so each occurrence is enqueued once across nodes.
            CREATE TABLE recurring_jobs (
              kind text PRIMARY KEY,
              cron text NOT NULL,
              time_zone text NOT NULL,
              next_run_at timestamptz NOT NULL,
              updated_at timestamptz NOT NULL DEFAULT now());
            """),
        new(3, "attempt history and clinic views", """
            -- One row per failed attempt, written by the database as a running job becomes retrying or dead,
            -- so every path that fails an attempt (a handler's error, a lease that ran out) is recorded and a
            -- successful attempt costs nothing extra. The attempt started when it was claimed (updated_at).
            CREATE TABLE job_attempts (
              id bigserial PRIMARY KEY,
              job_id bigint NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
              tenant_id uuid,
              attempt int NOT NULL,
              outcome text NOT NULL,
              error text,
              worker text,
              started_at timestamptz NOT NULL,
              finished_at timestamptz NOT NULL);
            CREATE INDEX job_attempts_job ON job_attempts (job_id, attempt);
            CREATE INDEX job_attempts_finished ON job_attempts (finished_at);
            -- Failed jobs are few: counting them for the dashboard's warning reads this, not the queue.
            CREATE INDEX jobs_dead ON jobs (tenant_id) WHERE state = 'dead';

            CREATE FUNCTION jobs_record_failed_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO job_attempts (job_id, tenant_id, attempt, outcome, error, worker, started_at, finished_at)
              VALUES (NEW.id, NEW.tenant_id, OLD.attempt, NEW.state, NEW.last_error, OLD.locked_by, OLD.updated_at, now());
              RETURN NULL;
            END $$;
            CREATE TRIGGER jobs_failed_attempt AFTER UPDATE OF state ON jobs
              FOR EACH ROW WHEN (OLD.state = 'running' AND NEW.state IN ('retrying', 'dead'))
              EXECUTE FUNCTION jobs_record_failed_attempt();

            -- What a clinic may read and change: its own jobs, decided by the connection's tenant setting
            -- (the one row-level security reads), so a clinic's page cannot reach another clinic's job
            -- whatever its query says. The queue itself stays unscoped for the workers.
            CREATE VIEW clinic_jobs WITH (security_barrier) AS
              SELECT id, tenant_id, kind, payload, state, attempt, max_attempts, run_at, lease_until, locked_by,
                     unique_key, last_error, created_at, updated_at, finished_at
              FROM jobs WHERE tenant_id = app_current_tenant()
              WITH CHECK OPTION;
            CREATE VIEW clinic_job_attempts WITH (security_barrier) AS
              SELECT id, job_id, tenant_id, attempt, outcome, error, worker, started_at, finished_at
              FROM job_attempts WHERE tenant_id = app_current_tenant();
            """),
    ];
}
