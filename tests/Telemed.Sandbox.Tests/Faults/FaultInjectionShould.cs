using System.Net;
using System.Text.Json;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Faults;

/// <summary>Each fault kind as the product's Zoom client would meet it. Account faults use fresh users; global ones are cleared after use.</summary>
public sealed class FaultInjectionShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private ZoomApi Zoom => fixture.Server.Zoom;

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task FailTheNextRequestsWithTheConfiguredServerError(int status)
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        await Server.AddZoomFaultAsync(new { User = user, Kind = "error", Count = 2, Status = status });

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);
            statuses.Add((int)response.StatusCode);
            if (i == 0)
            {
                Assert.Equal(status, (await response.ReadJsonAsync()).GetProperty("code").GetInt32());
            }
        }

        Assert.Equal([status, status, 200], statuses);
    }

    [Fact]
    public async Task AnswerRateLimitedWithZoomsHeadersAndRetryAfterInSeconds()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        await Server.AddZoomFaultAsync(new { User = user, Kind = "rate_limit", RetryAfterSeconds = 7 });

        using var limited = await Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());
        using var next = await Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("Medium", Header(limited, "X-RateLimit-Category"));
        Assert.Equal("QPS", Header(limited, "X-RateLimit-Type"));
        Assert.Equal("0", Header(limited, "X-RateLimit-Remaining"));
        Assert.Equal(429, (await limited.ReadJsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    [Fact]
    public async Task OmitRetryAfterWhenAsked()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        await Server.AddZoomFaultAsync(new { User = user, Kind = "rate_limit", OmitRetryAfter = true });

        using var limited = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Null(limited.Headers.RetryAfter);
        Assert.Equal("Light", Header(limited, "X-RateLimit-Category"));
    }

    [Fact]
    public async Task HoldSlowRequestsBackSoAClientTimesOutBeforeAnythingHappens()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        await Server.AddZoomFaultAsync(new { User = user, Kind = "slow", DelayMs = 2000, Operation = "zoom.meetings.create" });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateWithTimeoutAsync(tokens, TimeSpan.FromMilliseconds(500)));
        await Task.Delay(2000);

        Assert.Empty((await Server.GetControlAsync($"zoom/meetings?user={user}")).EnumerateArray());
    }

    [Fact]
    public async Task CreateTheMeetingButDelayTheAnswerSoTheClientTimesOutAfterTheFact()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        await Server.AddZoomFaultAsync(new { User = user, Kind = "delayed_response", DelayMs = 5000, Operation = "zoom.meetings.create" });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateWithTimeoutAsync(tokens, TimeSpan.FromMilliseconds(1000)));

        // The product's "find and adopt" path: the meeting exists at Zoom although the create never answered.
        using var list = await Zoom.SendAsync(HttpMethod.Get, "users/me/meetings?type=upcoming", tokens.AccessToken);
        var meetings = (await list.ReadJsonAsync()).GetProperty("meetings");
        Assert.Equal("Video consultation", Assert.Single(meetings.EnumerateArray()).GetProperty("topic").GetString());
    }

    [Fact]
    public async Task DropTheConnectionAfterCreatingTheMeeting()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        await Server.AddZoomFaultAsync(new { User = user, Kind = "drop", Operation = "zoom.meetings.create" });

        await Assert.ThrowsAsync<HttpRequestException>(() => Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting()));

        Assert.Single((await Server.GetControlAsync($"zoom/meetings?user={user}")).EnumerateArray());
    }

    [Fact]
    public async Task ReplayTheSameRandomMixForTheSameSeed()
    {
        var first = await RunRandomFaultsAsync(seed: 42);
        var second = await RunRandomFaultsAsync(seed: 42);

        Assert.Equal(first, second);
        Assert.Contains(first, f => f is null);
        Assert.Contains(first, f => f is not null);
        Assert.All(first.Where(f => f is not null), f => Assert.Matches("^(error 50[03]|rate_limit retry_after=1s|slow 10ms)$", f));
    }

    [Fact]
    public async Task ApplyAnAccountFaultOnlyToThatAccountAndAGlobalFaultToAll()
    {
        var faulty = await Zoom.ConnectAsync(TestJson.NewUser());
        var healthy = await Zoom.ConnectAsync(TestJson.NewUser());
        var faultyUser = (await (await Zoom.SendAsync(HttpMethod.Get, "users/me", faulty.AccessToken)).ReadJsonAsync()).GetProperty("email").GetString();
        await Server.AddZoomFaultAsync(new { User = faultyUser, Kind = "error", Status = 503 });

        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(healthy));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusOfMeAsync(faulty));

        try
        {
            await Server.AddZoomFaultAsync(new { Kind = "error", Count = 2, Status = 502, Operation = "zoom.users.me" });
            Assert.Equal(HttpStatusCode.BadGateway, await StatusOfMeAsync(healthy));
            Assert.Equal(HttpStatusCode.BadGateway, await StatusOfMeAsync(faulty));
            Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(healthy));
        }
        finally
        {
            await Server.PostControlAsync("zoom/faults", method: HttpMethod.Delete);
        }
    }

    [Fact]
    public async Task FailTheTokenEndpointForTheAccountOfTheRefreshToken()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        await Server.AddZoomFaultAsync(new { User = user, Kind = "error", Status = 503, Operation = "zoom.oauth.token" });

        using var failed = await Zoom.RefreshAsync(tokens.RefreshToken);
        using var retried = await Zoom.RefreshAsync(tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        // The injected failure answered before Zoom's logic ran, so the refresh token is still good.
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var stats = (await Server.GetControlAsync($"zoom/accounts/{user}")).GetProperty("tokens");
        Assert.Equal(1, stats.GetProperty("refresh_requests").GetInt32());
    }

    [Theory]
    [InlineData("""{"kind":"error","status":404}""")]
    [InlineData("""{"kind":"random"}""")]
    [InlineData("""{"kind":"random","ratio":1.5}""")]
    [InlineData("""{"kind":"slow","delay_ms":-1}""")]
    [InlineData("""{"kind":"error","count":0}""")]
    [InlineData("""{"kind":"meteor"}""")]
    [InlineData("""{"kind":"error","user":"not an e-mail"}""")]
    public async Task RefuseAFaultItCannotApply(string body)
    {
        using var response = await Server.Http.PostAsync(new Uri(Server.ControlBase, "zoom/faults"),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<List<string?>> RunRandomFaultsAsync(int seed)
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        var userId = (await Server.GetControlAsync($"zoom/accounts/{user}")).GetProperty("id").GetString();
        await Server.AddZoomFaultAsync(new { User = user, Kind = "random", Ratio = 0.5, Seed = seed, DelayMs = 10 });
        for (var i = 0; i < 24; i++)
        {
            using var _ = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);
        }

        var log = await Server.GetControlAsync($"requests?provider=zoom&account={userId}&operation=zoom.users.me");
        return log.EnumerateArray().Select(e => e.TryGetProperty("fault", out var f) ? f.GetString() : null).ToList();
    }

    private async Task<HttpStatusCode> StatusOfMeAsync(ZoomTokens tokens)
    {
        using var response = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);
        return response.StatusCode;
    }

    private async Task CreateWithTimeoutAsync(ZoomTokens tokens, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Zoom.Base, "v2/users/me/meetings"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(ZoomApi.ScheduledMeeting(), options: TestJson.SnakeCase),
        };
        request.Headers.Authorization = new("Bearer", tokens.AccessToken);
        using var response = await Server.Http.SendAsync(request, cancel.Token);
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
