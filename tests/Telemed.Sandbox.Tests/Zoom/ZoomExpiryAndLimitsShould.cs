using System.Net;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Zoom;

/// <summary>Time-bound behaviour, on a sandbox whose clock the test moves.</summary>
public sealed class ZoomExpiryAndLimitsShould : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2030, 6, 1, 20, 0, 0, TimeSpan.Zero));
    private SandboxServer _server = null!;

    private ZoomApi Zoom => _server.Zoom;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(299, HttpStatusCode.OK)]
    [InlineData(301, HttpStatusCode.BadRequest)]
    public async Task AcceptAnAuthorizationCodeForFiveMinutes(int ageSeconds, HttpStatusCode expected)
    {
        var verifier = ZoomApi.NewVerifier();
        var code = await Zoom.GetCodeAsync(TestJson.NewUser(), verifier);

        _clock.Advance(TimeSpan.FromSeconds(ageSeconds));
        using var response = await Zoom.ExchangeAsync(code, verifier);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ExpireAccessTokensAfterAnHour()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        _clock.Advance(TimeSpan.FromSeconds(3599));
        using var stillValid = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);
        _clock.Advance(TimeSpan.FromSeconds(2));
        using var expired = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Access token is expired.", (await expired.ReadJsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExpireStartUrlsAfterTwoHours()
    {
        var user = TestJson.NewUser();
        await _server.PostControlAsync($"zoom/accounts/{user}/settings", new { TokenLifetimeSeconds = 86400 }, HttpMethod.Put);
        var tokens = await Zoom.ConnectAsync(user);
        var startUrl = (await Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("start_url").GetString();

        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        using var stale = await _server.Http.GetAsync(startUrl);

        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
    }

    [Fact]
    public async Task RefuseCreatesAndUpdatesBeyondOneHundredADayUntilMidnightUtc()
    {
        _clock.Set(new DateTimeOffset(2030, 6, 1, 22, 0, 0, TimeSpan.Zero));
        var user = TestJson.NewUser();
        await _server.PostControlAsync($"zoom/accounts/{user}/settings", new { TokenLifetimeSeconds = 86400 }, HttpMethod.Put);
        var tokens = await Zoom.ConnectAsync(user);
        var id = (await Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("id").GetInt64();
        for (var i = 1; i < 100; i++)
        {
            using var update = await Zoom.SendAsync(HttpMethod.Patch, $"meetings/{id}", tokens.AccessToken, new { Topic = $"Update {i}" });
            Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        }

        using var create = await Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());
        using var patch = await Zoom.SendAsync(HttpMethod.Patch, $"meetings/{id}", tokens.AccessToken, new { Topic = "One too many" });
        using var get = await Zoom.SendAsync(HttpMethod.Get, $"meetings/{id}", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, create.StatusCode);
        Assert.Equal("Daily-limit", create.Headers.GetValues("X-RateLimit-Type").Single());
        Assert.Equal("Medium", create.Headers.GetValues("X-RateLimit-Category").Single());
        Assert.Equal("100", create.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", create.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("2030-06-02T00:00:00Z", create.Headers.GetValues("Retry-After").Single());
        var error = await create.ReadJsonAsync();
        Assert.Equal(429, error.GetProperty("code").GetInt32());
        Assert.Contains("daily rate limit (100)", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, patch.StatusCode);
        Assert.Equal("Light", patch.Headers.GetValues("X-RateLimit-Category").Single());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);

        _clock.Set(new DateTimeOffset(2030, 6, 2, 0, 0, 1, TimeSpan.Zero));
        using var nextDay = await Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());
        Assert.Equal(HttpStatusCode.Created, nextDay.StatusCode);
    }
}
