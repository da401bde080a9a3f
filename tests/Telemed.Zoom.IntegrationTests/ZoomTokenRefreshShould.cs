using Microsoft.EntityFrameworkCore;
using Npgsql;
using Telemed.Zoom.IntegrationTests.Infrastructure;
using static Telemed.Zoom.IntegrationTests.Infrastructure.ZoomClinics;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>
/// Zoom rotates refresh tokens, so two refreshes of one connection would break it. Two processes (this one and
/// a host process on the same database, both pointed at the same sandbox) run 40 meeting jobs for one host whose
/// token Zoom has expired: exactly one refresh may reach Zoom.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ZoomTokenRefreshShould
{
    [Fact]
    public async Task RefreshOnceWhenFortyJobsInTwoProcessesNeedAnExpiredToken()
    {
        const int jobs = 40;
        var settings = ZoomHostFixture.Settings;
        settings["Jobs:Workers"] = "8";
        settings["Zoom:RequestTimeout"] = "00:00:10";
        await using var host = await TestHost.StartAsync(settings, configureServices: services => services.UseTestHostDirectory());
        var sandbox = new SandboxControl(new Uri(host.BaseAddress, "sandbox/"));
        var clinic = await CreateAsync(host);
        await using var second = HostProcess.Start(host.OwnerConnectionString, new Dictionary<string, string>
        {
            ["Jobs:Workers"] = "8",
            ["Zoom:ClientId"] = "sandboxClientId123",
            ["Zoom:ClientSecret"] = "sandboxClientSecret456",
            ["Zoom:WebhookSecret"] = "second-node-webhook-secret",
            ["Zoom:OAuthBaseUrl"] = sandbox.ZoomRoot.ToString(),
            ["Zoom:RequestTimeout"] = "00:00:10",
        });
        await second.WaitUntilHealthyAsync();
        await sandbox.PostAsync($"zoom/accounts/{clinic.ZoomUser}/tokens/expire");
        var before = (await sandbox.AccountAsync(clinic.ZoomUser)).GetProperty("tokens");
        // A slow refresh keeps every job waiting on the token long enough for both processes to hold some.
        await sandbox.AddFaultAsync(new { kind = "slow", operation = "zoom.oauth.token", delay_ms = 1500, count = 1 });

        var start = DateTimeOffset.UtcNow.AddDays(1);
        await PublishAsync(host, clinic, Enumerable.Range(0, jobs).Select(i => Appointment(clinic, start.AddHours(i))).ToArray());

        await Eventually.TrueAsync(async () => await InClinicAsync(host, clinic, db => db.Meetings.CountAsync(m => m.State == "created")) == jobs,
            TimeSpan.FromMinutes(2), () => second.Output);
        var after = (await sandbox.AccountAsync(clinic.ZoomUser)).GetProperty("tokens");
        Assert.Equal(1, after.GetProperty("refresh_requests").GetInt32() - before.GetProperty("refresh_requests").GetInt32());
        Assert.Equal(0, after.GetProperty("refresh_failures").GetInt32());
        Assert.Equal(jobs, (await sandbox.LiveMeetingsAsync(clinic.ZoomUser)).Count);
        Assert.Equal(2, await CountAsync(host, $"SELECT count(DISTINCT split_part(locked_by, ':', 2)) FROM jobs WHERE kind = 'meetings.sync' AND tenant_id = '{clinic.Tenant.Id}'"));
    }

    private static async Task<long> CountAsync(TestHost host, string sql)
    {
        await using var connection = await TestPostgres.OpenSuperuserAsync(host.OwnerConnectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Tests that start host processes are heavy on two cores: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "host processes";
}
