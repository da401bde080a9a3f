using System.Net;
using System.Net.Http.Json;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

/// <summary>Injected faults in Google's own error shape. Account faults use fresh accounts; global ones get their own sandbox.</summary>
public sealed class GoogleFaultsShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private GoogleApi Google => fixture.Server.Google;

    [Theory]
    [InlineData(403, "rateLimitExceeded", "usageLimits")]
    [InlineData(403, "userRateLimitExceeded", "usageLimits")]
    [InlineData(403, "forbidden", "global")]
    [InlineData(404, "notFound", "global")]
    [InlineData(500, "backendError", "global")]
    public async Task FailTheNextCallWithTheGivenStatusAndReason(int status, string reason, string domain)
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        await Server.AddGoogleFaultAsync(new { User = user, Kind = "error", Status = status, Reason = reason });

        using var failed = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events?conferenceDataVersion=1", tokens.AccessToken, GoogleApi.MeetEvent());
        using var next = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events?conferenceDataVersion=1", tokens.AccessToken, GoogleApi.MeetEvent());

        await GoogleApi.AssertGoogleErrorAsync(failed, (HttpStatusCode)status, reason, domain);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var calendar = (await Server.GetControlAsync($"google/accounts/{user}")).GetProperty("calendar");
        Assert.Equal(1, calendar.GetProperty("events_inserted").GetInt32());
    }

    [Fact]
    public async Task DeriveBackendErrorFromA503()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        await Server.AddGoogleFaultAsync(new { User = user, Kind = "error", Status = 503 });

        using var failed = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", tokens.AccessToken);

        await GoogleApi.AssertGoogleErrorAsync(failed, HttpStatusCode.ServiceUnavailable, "backendError");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnswerTooManyRequestsWithOrWithoutRetryAfter(bool omitRetryAfter)
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        await Server.AddGoogleFaultAsync(new { User = user, Kind = "rate_limit", RetryAfterSeconds = 7, OmitRetryAfter = omitRetryAfter });

        using var limited = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", tokens.AccessToken);

        await GoogleApi.AssertGoogleErrorAsync(limited, HttpStatusCode.TooManyRequests, "rateLimitExceeded", "usageLimits");
        Assert.Equal(omitRetryAfter ? null : TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task LimitAFaultToOneOperation()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        var id = (await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent())).GetProperty("id").GetString()!;
        await Server.AddGoogleFaultAsync(new { User = user, Kind = "error", Status = 503, Operation = "google.events.patch" });

        using var get = await Google.SendAsync(HttpMethod.Get, $"calendars/primary/events/{id}", tokens.AccessToken);
        using var patch = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}", tokens.AccessToken, new { Summary = "Moved" });

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        await GoogleApi.AssertGoogleErrorAsync(patch, HttpStatusCode.ServiceUnavailable, "backendError");
        var log = await Server.GetControlAsync("requests?provider=google&operation=google.events.patch");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("fault").GetString() == "error 503" && e.GetProperty("status_code").GetInt32() == 503);
    }

    [Fact]
    public async Task LimitAFaultToOneAccount()
    {
        var alice = TestJson.NewUser();
        var aliceTokens = await Google.ConnectAsync(alice);
        var bobTokens = await Google.ConnectAsync(TestJson.NewUser());
        await Server.AddGoogleFaultAsync(new { User = alice, Kind = "error", Status = 403, Reason = "rateLimitExceeded", Count = 2 });

        using var bob = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", bobTokens.AccessToken);
        using var aliceFirst = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", aliceTokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        await GoogleApi.AssertGoogleErrorAsync(aliceFirst, HttpStatusCode.Forbidden, "rateLimitExceeded", "usageLimits");
    }

    [Fact]
    public async Task WordTokenEndpointFaultsAsOAuthErrors()
    {
        await using var server = await SandboxServer.StartAsync();
        var tokens = await server.Google.ConnectAsync(TestJson.NewUser());
        await server.AddGoogleFaultAsync(new { Kind = "error", Status = 503, Operation = "google.oauth.token" });

        using var failed = await server.Google.RefreshAsync(tokens.RefreshToken!);
        using var next = await server.Google.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("temporarily_unavailable", (await failed.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task KeepRefusingClientErrorStatusesForZoomFaults()
    {
        using var response = await Server.Http.PostAsJsonAsync(new Uri(Server.ControlBase, "zoom/faults"), new { kind = "error", status = 403 });
        using var google = await Server.Http.PostAsJsonAsync(new Uri(Server.ControlBase, "google/faults"), new { kind = "error", status = 302 });
        using var reasonOnSlow = await Server.Http.PostAsJsonAsync(new Uri(Server.ControlBase, "google/faults"), new { kind = "slow", reason = "rateLimitExceeded" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 500 and 599", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, google.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reasonOnSlow.StatusCode);
    }
}
