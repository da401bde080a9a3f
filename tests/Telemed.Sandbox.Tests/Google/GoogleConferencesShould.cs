using System.Text.Json;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

/// <summary>Meet conferences that take their time or fail, as the product's poller meets them.</summary>
public sealed class GoogleConferencesShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private GoogleApi Google => fixture.Server.Google;

    [Fact]
    public async Task AnswerPendingWithoutALinkUntilEnoughGetsThenSuccess()
    {
        var user = TestJson.NewUser();
        await Server.PostControlAsync($"google/accounts/{user}/settings", new { Conference = "pending", PendingGets = 2 }, HttpMethod.Put);
        var tokens = await Google.ConnectAsync(user);

        var inserted = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        var id = inserted.GetProperty("id").GetString()!;
        var firstGet = await Google.GetEventAsync(tokens.AccessToken, id);
        var secondGet = await Google.GetEventAsync(tokens.AccessToken, id);

        AssertPending(inserted);
        AssertPending(firstGet);
        Assert.Equal("success", StatusCode(secondGet));
        Assert.EndsWith("/meet/" + secondGet.GetProperty("conferenceData").GetProperty("conferenceId").GetString(), secondGet.GetProperty("hangoutLink").GetString());
        Assert.Equal(3, secondGet.GetProperty("conferenceData").GetProperty("entryPoints").GetArrayLength());
        Assert.NotEqual(firstGet.GetProperty("etag").GetString(), secondGet.GetProperty("etag").GetString());
        var account = await Server.GetControlAsync($"google/accounts/{user}");
        Assert.Equal(2, account.GetProperty("calendar").GetProperty("event_gets").GetInt32());
    }

    [Fact]
    public async Task MakeEveryAccountsConferencesPendingForOneGetByDefaultWhenSwitchedForAll()
    {
        await using var server = await SandboxServer.StartAsync();
        await server.PostControlAsync("google/app", new { Conference = "pending" }, HttpMethod.Put);
        var tokens = await server.Google.ConnectAsync(TestJson.NewUser());

        var inserted = await server.Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        var read = await server.Google.GetEventAsync(tokens.AccessToken, inserted.GetProperty("id").GetString()!);

        AssertPending(inserted);
        Assert.Equal("success", StatusCode(read));
        Assert.True(read.TryGetProperty("hangoutLink", out _));
    }

    [Fact]
    public async Task AnswerFailureWithoutSolutionEntryPointsOrLink()
    {
        var user = TestJson.NewUser();
        await Server.PostControlAsync($"google/accounts/{user}/settings", new { Conference = "failure" }, HttpMethod.Put);
        var tokens = await Google.ConnectAsync(user);

        var inserted = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        var read = await Google.GetEventAsync(tokens.AccessToken, inserted.GetProperty("id").GetString()!);

        foreach (var e in new[] { inserted, read })
        {
            Assert.Equal("failure", StatusCode(e));
            Assert.False(e.TryGetProperty("hangoutLink", out _));
            Assert.False(e.GetProperty("conferenceData").TryGetProperty("conferenceSolution", out _));
            Assert.False(e.GetProperty("conferenceData").TryGetProperty("entryPoints", out _));
        }
    }

    [Fact]
    public async Task MakeANewConferenceWithANewRequestIdAfterAFailure()
    {
        var user = TestJson.NewUser();
        await Server.PostControlAsync($"google/accounts/{user}/settings", new { Conference = "failure" }, HttpMethod.Put);
        var tokens = await Google.ConnectAsync(user);
        var id = (await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(requestId: "r-1"))).GetProperty("id").GetString()!;
        await Server.PostControlAsync($"google/accounts/{user}/settings", new { Conference = "success" }, HttpMethod.Put);

        using var retried = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}?conferenceDataVersion=1", tokens.AccessToken,
            new { ConferenceData = new { CreateRequest = new { RequestId = "r-2", ConferenceSolutionKey = new { Type = "hangoutsMeet" } } } });

        var e = await retried.ReadJsonAsync();
        Assert.Equal("success", StatusCode(e));
        Assert.True(e.TryGetProperty("hangoutLink", out _));
    }

    private static string? StatusCode(JsonElement e) =>
        e.GetProperty("conferenceData").GetProperty("createRequest").GetProperty("status").GetProperty("statusCode").GetString();

    private static void AssertPending(JsonElement e)
    {
        Assert.Equal("pending", StatusCode(e));
        Assert.False(e.TryGetProperty("hangoutLink", out _));
        Assert.False(e.GetProperty("conferenceData").TryGetProperty("entryPoints", out _));
    }
}
