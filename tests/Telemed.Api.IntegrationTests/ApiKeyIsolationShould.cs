using Npgsql;
using Telemed.Core.Data;

namespace Telemed.Api.IntegrationTests;

/// <summary>API keys are clinic rows under forced row-level security: even raw SQL as the application sees only its clinic's keys.</summary>
public sealed class ApiKeyIsolationShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task HideAClinicsKeysFromAnotherClinicsConnection()
    {
        var first = await ApiClinic.CreateAsync(Host);
        var second = await ApiClinic.CreateAsync(Host);
        await (await AdminKeys.SignInAsync(Host, first)).CreateAsync("First's key", "read");
        var database = Host.GetRequiredService<Database>();

        await using var asSecond = await database.OpenAsync(second.Tenant.Id);
        await using var asNoClinic = await database.OpenAsync((Guid?)null);
        await using var asFirst = await database.OpenAsync(first.Tenant.Id);

        Assert.Equal(0L, await CountAsync(asSecond, $"SELECT count(*) FROM api_keys WHERE tenant_id = '{first.Tenant.Id}'"));
        Assert.Equal(0L, await CountAsync(asNoClinic, "SELECT count(*) FROM api_keys"));
        Assert.Equal(1L, await CountAsync(asFirst, "SELECT count(*) FROM api_keys"));
    }

    [Fact]
    public async Task RefuseToInsertAKeyForAnotherClinic()
    {
        var first = await ApiClinic.CreateAsync(Host);
        var second = await ApiClinic.CreateAsync(Host);

        await using var asSecond = await Host.GetRequiredService<Database>().OpenAsync(second.Tenant.Id);
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO api_keys (id, tenant_id, name, mode, prefix, key_hash, scopes, created_at)
            VALUES (gen_random_uuid(), '{first.Tenant.Id}', 'Planted', 'live', 'tmd_live_xxxxxxxx', sha256('x'), ARRAY['read'], now())
            """, asSecond);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("row-level security", error.MessageText);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
