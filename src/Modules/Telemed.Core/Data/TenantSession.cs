using System.Data.Common;
using Npgsql;

namespace Telemed.Core.Data;

/// <summary>The per-connection tenant setting (<c>app.tenant_id</c>) that the RLS policies compare against.</summary>
public static class TenantSession
{
    public const string SettingName = "app.tenant_id";

    public static void Apply(DbConnection connection, Guid? tenantId)
    {
        using var command = CreateCommand(connection, tenantId);
        command.ExecuteNonQuery();
    }

    public static async Task ApplyAsync(DbConnection connection, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, tenantId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The setting as the first command of an <see cref="NpgsqlBatch"/>, so a hot read sets its clinic and runs its
    /// queries in one round trip (its result set comes first and is skipped).
    /// </summary>
    public static NpgsqlBatchCommand BatchCommand(Guid? tenantId) =>
        new($"SELECT set_config('{SettingName}', $1, false)") { Parameters = { new() { Value = tenantId?.ToString() ?? "" } } };

    private static DbCommand CreateCommand(DbConnection connection, Guid? tenantId)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenantId?.ToString() ?? "";
        command.Parameters.Add(parameter);
        return command;
    }
}
