using Telemed.Core.Data.Migrations;

namespace Telemed.GoogleMeet.Data;

public sealed class GoogleMeetMigrations : IMigrationSource
{
    public string Module => "Telemed.GoogleMeet";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "google meet settings", $"""
            CREATE TABLE google_meet_settings (
              {TenantTableSql.TenantColumn} PRIMARY KEY,
              enabled boolean NOT NULL DEFAULT true,
              use_own_app boolean NOT NULL DEFAULT false,
              client_id text,
              protected_client_secret text,
              invite_patients boolean NOT NULL DEFAULT false,
              send_updates text NOT NULL DEFAULT 'none' CHECK (send_updates IN ('none', 'externalOnly', 'all')),
              updated_at timestamptz NOT NULL DEFAULT now());
            {TenantTableSql.Isolate("google_meet_settings")}
            """),
    ];
}
