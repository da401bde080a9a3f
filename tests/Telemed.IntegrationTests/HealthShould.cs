using System.Net;
using Npgsql;

namespace Telemed.IntegrationTests;

public sealed class HealthShould
{
    [Fact]
    public async Task AnswerOkOnlyWhileTheDatabaseAnswers()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Jobs:Workers"] = "0" });
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Take the database away underneath the running host.
        var database = new NpgsqlConnectionStringBuilder(host.OwnerConnectionString).Database!;
        await using (var superuser = await TestPostgres.OpenSuperuserAsync(host.OwnerConnectionString.Replace(database, "postgres")))
        await using (var drop = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'", superuser))
        {
            await drop.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("the database does not answer", await response.Content.ReadAsStringAsync());

        await using (var superuser = await TestPostgres.OpenSuperuserAsync(host.OwnerConnectionString.Replace(database, "postgres")))
        await using (var allow = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true", superuser))
        {
            await allow.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
