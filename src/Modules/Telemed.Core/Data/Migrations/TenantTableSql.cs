namespace Telemed.Core.Data.Migrations;

/// <summary>SQL snippets every tenant-owned table uses, so isolation is declared the same way everywhere.</summary>
public static class TenantTableSql
{
    /// <summary>The tenant column: required, and removed with its clinic.</summary>
    public const string TenantColumn = "tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE";

    /// <summary>Forced row-level security: even the table owner sees and writes only the session's tenant.</summary>
    public static string Isolate(string table) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
          USING (tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant());
        """;

    /// <summary>
    /// Runs a data change over every clinic's rows of the tables (a migration moving or rewriting data): forced RLS
    /// is lifted for the owner inside the migration's transaction only, which holds the tables locked meanwhile.
    /// </summary>
    public static string AcrossClinics(string sql, params string[] tables) =>
        string.Concat(tables.Select(t => $"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY;\n"))
        + sql.TrimEnd().TrimEnd(';') + ";\n"
        + string.Concat(tables.Select(t => $"ALTER TABLE {t} FORCE ROW LEVEL SECURITY;\n"));
}
