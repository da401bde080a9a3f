using Npgsql;
using Telemed.Testing.Jobs;

namespace Telemed.IntegrationTests;

/// <summary>
/// What only separate operating-system processes can show: several nodes migrating one empty
/// database at once, two worker processes sharing the queue, a node killed in the middle of a job.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class HostProcessesShould
{
    [Fact]
    public async Task MigrateOneEmptyDatabaseOnceWhenTwoHostsStartTogether()
    {
        var database = await TestPostgres.CreateDatabaseAsync("mig");
        await using var first = HostProcess.Start(database, new Dictionary<string, string> { ["Jobs:Workers"] = "0" });
        await using var second = HostProcess.Start(database, new Dictionary<string, string> { ["Jobs:Workers"] = "0" });

        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());

        await using var superuser = await TestPostgres.OpenSuperuserAsync(database);
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT (module, version)), count(*) FILTER (WHERE module = 'Telemed.Core') FROM schema_migrations", superuser);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) >= 5, "expected the whole schema to be applied");
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
        Assert.Equal(new Telemed.Core.Data.CoreMigrations().Migrations.Count, reader.GetInt64(2));
    }

    [Fact]
    public async Task NeverRunTheSameJobTwiceAcrossTwoWorkerProcesses()
    {
        const int jobs = 2000;
        var database = await TestPostgres.CreateDatabaseAsync("two");
        using var file = new JobFile();
        await using var first = HostProcess.Start(database, new Dictionary<string, string> { ["Jobs:Workers"] = "4" });
        await first.WaitUntilHealthyAsync();
        await using var second = HostProcess.Start(database, new Dictionary<string, string> { ["Jobs:Workers"] = "4" });
        await second.WaitUntilHealthyAsync();

        await EnqueueAsync(database, Enumerable.Repeat(file.Payload(), jobs).ToArray());
        await file.WaitForLinesAsync(jobs, TimeSpan.FromMinutes(3));
        await Task.Delay(500);

        var lines = file.Lines;
        Assert.Equal(jobs, lines.Count);
        Assert.Equal(jobs, lines.Select(l => l[0]).Distinct().Count());
        var byProcess = lines.GroupBy(l => l[2]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, byProcess.Count);
        Assert.Equal(jobs, await CountAsync(database, "SELECT count(*) FROM jobs WHERE state = 'succeeded'"));
    }

    [Fact]
    public async Task RunAJobAgainAfterItsWorkerIsKilledAndCompleteItOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync("kill");
        using var file = new JobFile();
        var fastLease = new Dictionary<string, string> { ["Jobs:Workers"] = "1", ["Jobs:Lease"] = "00:00:02" };
        await using var doomed = HostProcess.Start(database, fastLease);
        await doomed.WaitUntilHealthyAsync();

        var id = (await EnqueueAsync(database, [file.Payload(sleepMs: 4000)])).Single();
        await Waiting.UntilAsync(async () => await CountAsync(database, $"SELECT count(*) FROM jobs WHERE id = {id} AND state = 'running'") == 1,
            $"job {id} to be running on the first process");
        doomed.Kill();

        await using var survivor = HostProcess.Start(database, fastLease);
        await survivor.WaitUntilHealthyAsync();
        await file.WaitForLinesAsync(1);
        await Waiting.UntilAsync(async () => await CountAsync(database, $"SELECT count(*) FROM jobs WHERE id = {id} AND state = 'succeeded'") == 1,
            $"job {id} to succeed on the surviving process");
        await Task.Delay(1000);

        var run = Assert.Single(file.Lines);
        Assert.Equal(id.ToString(), run[0]);
        Assert.Equal("2", run[1]);
        Assert.Equal(survivor.Id.ToString(), run[2]);
    }

    private static async Task<long[]> EnqueueAsync(string database, string[] payloads)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(database);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO jobs (kind, payload, max_attempts) SELECT '{AppendJobHandler.Kind}', p::jsonb, 5 FROM unnest(@payloads) p RETURNING id;
            """, superuser);
        command.Parameters.AddWithValue("payloads", payloads);
        var ids = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
        }
        await using var notify = new NpgsqlCommand("SELECT pg_notify('jobs', '')", superuser);
        await notify.ExecuteNonQueryAsync();
        return [.. ids];
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(database);
        await using var command = new NpgsqlCommand(sql, superuser);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Host processes are heavy on two cores: their tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "host processes";
}
