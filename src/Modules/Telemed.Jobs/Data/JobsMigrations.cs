using Telemed.Core.Data.Migrations;

namespace Telemed.Jobs.Data;

/// <summary>
/// The queue table. It is the platform's, not a clinic's: workers claim across clinics, so it has no
/// row-level security; each job carries its tenant and clinic pages always filter by it.
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
    ];
}
