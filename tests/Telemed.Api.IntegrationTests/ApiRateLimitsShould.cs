using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Api.RateLimits;
using Xunit.Abstractions;

namespace Telemed.Api.IntegrationTests;

/// <summary>A key's answers say where it stands in its budget, counted in the database.</summary>
public sealed partial class ApiRateLimitsShould(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task SayTheBudgetAndCountItDown()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Reader", "read");
        var client = Host.CreateClient();

        var first = await client.GetWithKeyAsync(clinic.Api("/services"), key);
        var second = await client.GetWithKeyAsync(clinic.Api("/hosts"), key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"per-key\";q=600;w=60", Assert.Single(first.Headers.GetValues("RateLimit-Policy")));
        var (remaining, reset) = RateLimit.Read(first);
        Assert.Equal(599, remaining);
        Assert.InRange(reset, 1, 60);
        // The window may have renewed between the two calls, never more.
        Assert.Contains(RateLimit.Read(second).Remaining, new[] { 598, 599 });
    }

    [Fact]
    public async Task CountARefusedScopeButNotAMissingKey()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        var key = await (await AdminKeys.SignInAsync(Host, clinic)).CreateAsync("Booker", "book");
        var client = Host.CreateClient();

        var refused = await client.GetWithKeyAsync(clinic.Api("/services"), key);
        var anonymous = await client.GetWithKeyAsync(clinic.Api("/services"), key: null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(599, RateLimit.Read(refused).Remaining);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.False(anonymous.Headers.Contains("RateLimit"));
    }

    /// <summary>Not a benchmark: a rough figure of what counting adds to each request, printed for the record.</summary>
    [Fact]
    public async Task CountARequestInAFewRoundTrips()
    {
        var clinic = await ApiClinic.CreateAsync(Host);
        const int requests = 500;
        var elapsed = await Host.InTenantAsync(clinic.Tenant, async services =>
        {
            var key = Guid.NewGuid();
            await services.GetRequiredService<ApiRateLimiter>().CountAsync(key, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < requests; i++)
            {
                using var scope = services.CreateScope();
                scope.ServiceProvider.GetRequiredService<Telemed.Core.Tenancy.TenantContext>().Set(clinic.Tenant);
                var decision = await scope.ServiceProvider.GetRequiredService<ApiRateLimiter>().CountAsync(key, CancellationToken.None);
                Assert.True(decision.Count >= 1);
            }
            return watch.Elapsed;
        });

        var each = elapsed.TotalMilliseconds / requests;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Counting one request: {each:0.000} ms on average over {requests} (connection from the pool, tenant setting, upsert)."));
        Assert.True(each < 50, $"Counting took {each} ms a request.");
    }
}

/// <summary>Reads the IETF RateLimit header of an answer.</summary>
public static partial class RateLimit
{
    public static (int Remaining, int Reset) Read(HttpResponseMessage response)
    {
        var value = Assert.Single(response.Headers.GetValues("RateLimit"));
        var match = Pattern().Match(value);
        Assert.True(match.Success, $"RateLimit: {value}");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("^\"per-key\";r=(\\d+);t=(\\d+)$")]
    private static partial Regex Pattern();
}

/// <summary>Two nodes of the product on one database, with a small budget per key in a long window.</summary>
public sealed class TwoRateLimitedNodesFixture : IAsyncLifetime
{
    public const int Limit = 3;

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Api:RateLimit:PermitsPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["Api:RateLimit:Window"] = "00:10:00",
    };

    public TestHost First { get; private set; } = null!;
    public TestHost Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await TestHost.StartAsync(Settings, await TestPostgres.CreateDatabaseAsync("api"));
        Second = await TestHost.StartAsync(Settings, First.OwnerConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Second is not null) { await Second.DisposeAsync(); }
        if (First is not null) { await First.DisposeAsync(); }
    }
}

/// <summary>Over its budget a key is refused with 429 until its window renews; keys and nodes count as they should.</summary>
public sealed class ApiRateLimitRefusalsShould(TwoRateLimitedNodesFixture nodes) : IClassFixture<TwoRateLimitedNodesFixture>
{
    private const int Limit = TwoRateLimitedNodesFixture.Limit;

    /// <summary>
    /// Starts in a window with time to spare, so that no renewal falls between a test's calls: close to a renewal it waits
    /// for the next window and starts there.
    /// </summary>
    private static async Task<HttpResponseMessage> FirstCallAsync(HttpClient client, string url, string key)
    {
        var response = await client.GetWithKeyAsync(url, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (RateLimit.Read(response).Reset is var reset and <= 30)
        {
            await Task.Delay(TimeSpan.FromSeconds(reset + 1));
            response = await client.GetWithKeyAsync(url, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.True(RateLimit.Read(response).Reset > 30, $"The window should have just begun, but renews in {RateLimit.Read(response).Reset} s.");
        return response;
    }

    [Fact]
    public async Task RefuseTheRequestAfterTheLimitWithRetryAfterAndAProblem()
    {
        var clinic = await ApiClinic.CreateAsync(nodes.First);
        var key = await (await AdminKeys.SignInAsync(nodes.First, clinic)).CreateAsync("Reader", "read");
        var client = nodes.First.CreateClient();

        await FirstCallAsync(client, clinic.Api("/services"), key);
        for (var i = 2; i <= Limit; i++)
        {
            var allowed = await client.GetWithKeyAsync(clinic.Api("/services"), key);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(Limit - i, RateLimit.Read(allowed).Remaining);
        }
        var refused = await client.GetWithKeyAsync(clinic.Api("/services"), key);

        var problem = await Problem.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.Title);
        Assert.Contains($"{Limit} requests per 600 seconds", problem.Detail);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Contains($"Retry after {(int)retryAfter.Value.TotalSeconds} seconds", problem.Detail);
        Assert.Equal(0, RateLimit.Read(refused).Remaining);
        Assert.DoesNotContain(clinic.ServiceName, problem.Body);
    }

    [Fact]
    public async Task GiveEachKeyItsOwnBudget()
    {
        var clinic = await ApiClinic.CreateAsync(nodes.First);
        var admin = await AdminKeys.SignInAsync(nodes.First, clinic);
        var spent = await admin.CreateAsync("Busy", "read");
        var other = await admin.CreateAsync("Quiet", "read");
        var client = nodes.First.CreateClient();

        await FirstCallAsync(client, clinic.Api("/services"), spent);
        for (var i = 2; i <= Limit + 1; i++)
        {
            await client.GetWithKeyAsync(clinic.Api("/services"), spent);
        }
        var otherAnswer = await client.GetWithKeyAsync(clinic.Api("/services"), other);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetWithKeyAsync(clinic.Api("/services"), spent)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
        Assert.Equal(Limit - 1, RateLimit.Read(otherAnswer).Remaining);
    }

    [Fact]
    public async Task ShareOneBudgetAcrossNodes()
    {
        var clinic = await ApiClinic.CreateAsync(nodes.First);
        var key = await (await AdminKeys.SignInAsync(nodes.First, clinic)).CreateAsync("Reader", "read");
        var first = nodes.First.CreateClient();
        var second = nodes.Second.CreateClient();

        await FirstCallAsync(first, clinic.Api("/services"), key);
        var answers = new List<HttpResponseMessage>();
        for (var i = 2; i <= Limit + 1; i++)
        {
            answers.Add(await (i % 2 == 0 ? second : first).GetWithKeyAsync(clinic.Api("/services"), key));
        }

        Assert.All(answers.SkipLast(1), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.GetWithKeyAsync(clinic.Api("/services"), key)).StatusCode);
    }
}

/// <summary>A short window (two seconds) so that a test sees the budget renew.</summary>
public sealed class ApiRateLimitWindowShould
{
    [Fact]
    public async Task AllowAgainOnceTheWindowRenews()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:RateLimit:PermitsPerMinute"] = "1",
            ["Api:RateLimit:Window"] = "00:00:02",
        }, await TestPostgres.CreateDatabaseAsync("api"));
        var clinic = await ApiClinic.CreateAsync(host);
        var key = await (await AdminKeys.SignInAsync(host, clinic)).CreateAsync("Reader", "read");
        var client = host.CreateClient();

        HttpResponseMessage refused;
        var attempts = 0;
        do
        {
            // Two calls may straddle a renewal on a loaded machine; then the pair is tried again.
            Assert.Equal(HttpStatusCode.OK, (await client.GetWithKeyAsync(clinic.Api("/services"), key)).StatusCode);
            refused = await client.GetWithKeyAsync(clinic.Api("/services"), key);
        }
        while (refused.StatusCode == HttpStatusCode.OK && ++attempts < 5);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("\"per-key\";q=1;w=2", Assert.Single(refused.Headers.GetValues("RateLimit-Policy")));
        var wait = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait.TotalSeconds, 1, 2);

        await Task.Delay(wait + TimeSpan.FromMilliseconds(100));
        var again = await client.GetWithKeyAsync(clinic.Api("/services"), key);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, RateLimit.Read(again).Remaining);
    }
}
