using Telemed.Core.Data.Migrations;

namespace Telemed.Tenants.Data;

public sealed class TenantsMigrations : IMigrationSource
{
    public string Module => "Telemed.Tenants";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "clinic settings", $"""
            CREATE TABLE clinic_settings (
              {TenantTableSql.TenantColumn} PRIMARY KEY,
              document jsonb NOT NULL DEFAULT '{"{}"}',
              updated_at timestamptz NOT NULL DEFAULT now());
            {TenantTableSql.Isolate("clinic_settings")}
            """),
    ];
}
