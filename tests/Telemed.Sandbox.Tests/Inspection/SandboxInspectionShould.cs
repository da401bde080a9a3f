using System.Net;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Inspection;

public sealed class SandboxInspectionShould
{
    [Fact]
    public async Task LogProviderRequestsWithAccountStatusBodyAndFault()
    {
        await using var server = await SandboxServer.StartAsync();
        var user = TestJson.NewUser();
        var tokens = await server.Zoom.ConnectAsync(user);
        var userId = (await server.GetControlAsync($"zoom/accounts/{user}")).GetProperty("id").GetString();
        await server.AddZoomFaultAsync(new { User = user, Kind = "error", Status = 503, Operation = "zoom.meetings.create" });
        using (await server.Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting("First try")))
        {
        }

        await server.Zoom.CreateMeetingAsync(tokens.AccessToken, ZoomApi.ScheduledMeeting("Second try"));

        var creates = (await server.GetControlAsync($"requests?provider=zoom&account={userId}&operation=zoom.meetings.create")).EnumerateArray().ToList();
        Assert.Equal(2, creates.Count);
        Assert.Equal([503, 201], creates.Select(e => e.GetProperty("status_code").GetInt32()));
        Assert.Equal("error 503", creates[0].GetProperty("fault").GetString());
        Assert.Contains("Second try", creates[1].GetProperty("body").GetString());
        Assert.Equal("POST", creates[1].GetProperty("method").GetString());
        var tokenCalls = (await server.GetControlAsync($"requests?provider=zoom&account={userId}&operation=zoom.oauth.token")).EnumerateArray();
        Assert.Single(tokenCalls);
    }

    [Fact]
    public async Task ListMeetingsWithEveryFieldIncludingDeletedOnes()
    {
        await using var server = await SandboxServer.StartAsync();
        var user = TestJson.NewUser();
        var tokens = await server.Zoom.ConnectAsync(user);
        var id = (await server.Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("id").GetInt64();
        using (await server.Zoom.SendAsync(HttpMethod.Delete, $"meetings/{id}?schedule_for_reminder=false", tokens.AccessToken))
        {
        }

        var meeting = Assert.Single((await server.GetControlAsync($"zoom/meetings?user={user}")).EnumerateArray());

        Assert.Equal(id, meeting.GetProperty("id").GetInt64());
        Assert.Equal("k7Rq2mXp", meeting.GetProperty("password").GetString());
        Assert.True(meeting.TryGetProperty("deleted_at", out _));
        Assert.Equal("schedule_for_reminder=false", meeting.GetProperty("delete_query").GetString());
        Assert.True(meeting.GetProperty("settings").GetProperty("waiting_room").GetBoolean());
    }

    [Fact]
    public async Task ForgetEverythingButTheSeededUsersOnReset()
    {
        await using var server = await SandboxServer.StartAsync();
        var tokens = await server.Zoom.ConnectAsync("dr.alice@sandbox.test");
        await server.Zoom.CreateMeetingAsync(tokens.AccessToken);
        await server.AddZoomFaultAsync(new { Kind = "error", Operation = "zoom.meetings.get" });

        await server.PostControlAsync("reset");

        var accounts = (await server.GetControlAsync("zoom/accounts")).EnumerateArray().Select(a => a.GetProperty("email").GetString()).ToList();
        Assert.Equal(["dr.alice@sandbox.test", "dr.bob@sandbox.test", "dr.carol@sandbox.test"], accounts);
        Assert.Empty((await server.GetControlAsync("zoom/meetings")).EnumerateArray());
        Assert.Empty((await server.GetControlAsync("zoom/faults")).EnumerateArray());
        Assert.Empty((await server.GetControlAsync("requests")).EnumerateArray());
        using var call = await server.Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, call.StatusCode);
    }

    [Fact]
    public async Task ServeEverythingUnderAPathPrefixWhenMountedInAHost()
    {
        await using var server = await SandboxServer.StartAsync(prefix: "/sandbox");
        Assert.EndsWith("/sandbox/zoom/", server.Zoom.Base.ToString());

        var tokens = await server.Zoom.ConnectAsync(TestJson.NewUser());
        var meeting = await server.Zoom.CreateMeetingAsync(tokens.AccessToken);
        var app = await server.GetControlAsync("zoom/app");

        Assert.Contains("/sandbox/zoom/s/", meeting.GetProperty("start_url").GetString());
        Assert.EndsWith("/sandbox/zoom/v2", app.GetProperty("api_base_url").GetString());
        Assert.EndsWith("/sandbox/zoom", app.GetProperty("oauth_base_url").GetString());
        using var root = await server.Http.GetAsync("/zoom/oauth/authorize");
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }
}
