using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

/// <summary>The Google control endpoints tests and developers use to inspect and steer the emulator.</summary>
public sealed class GoogleControlShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private GoogleApi Google => fixture.Server.Google;

    [Fact]
    public async Task ShowAccountsWithTheirCountersAndGrants()
    {
        var user = TestJson.NewUser();
        var created = await Server.PostControlAsync("google/accounts", new { Email = user });
        var tokens = await Google.ConnectAsync(user);
        await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());

        var account = await Server.GetControlAsync($"google/accounts/{user}");
        var all = await Server.GetControlAsync("google/accounts");

        Assert.Equal(user, created.GetProperty("email").GetString());
        Assert.Matches("^[0-9]{21}$", account.GetProperty("id").GetString()!);
        Assert.Equal(1, account.GetProperty("tokens").GetProperty("token_requests").GetInt32());
        Assert.Equal(1, account.GetProperty("tokens").GetProperty("refresh_tokens_issued").GetInt32());
        Assert.Equal(1, account.GetProperty("calendar").GetProperty("events_inserted").GetInt32());
        Assert.Equal(1, account.GetProperty("events").GetInt32());
        var grant = account.GetProperty("grants")[0];
        Assert.Equal(tokens.Scope, grant.GetProperty("scope").GetString());
        Assert.Equal(tokens.RefreshToken, grant.GetProperty("refresh_token").GetString());
        Assert.Equal("active", grant.GetProperty("status").GetString());
        Assert.True(grant.TryGetProperty("issued_at", out _));
        Assert.Equal(tokens.AccessToken, grant.GetProperty("access_tokens")[0].GetProperty("token").GetString());
        Assert.Contains(all.EnumerateArray(), a => a.GetProperty("email").GetString() == "dr.alice@sandbox.test");
    }

    [Fact]
    public async Task ShortenAnAccountsAccessTokens()
    {
        var user = TestJson.NewUser();
        await Server.PostControlAsync($"google/accounts/{user}/settings", new { AccessTokenLifetimeSeconds = 60 }, HttpMethod.Put);

        var tokens = await Google.ConnectAsync(user);

        Assert.Equal(60, tokens.ExpiresIn);
    }

    [Fact]
    public async Task ExpireAccessTokensSoTheNextCallNeedsARefresh()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);

        var expired = await Server.PostControlAsync($"google/accounts/{user}/tokens/expire");
        using var refused = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", tokens.AccessToken);
        using var refresh = await Google.RefreshAsync(tokens.RefreshToken!);
        using var retried = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", (await GoogleTokens.ReadAsync(refresh)).AccessToken);

        Assert.Equal(1, expired.GetProperty("expired").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task RevokeAccessAsTheUserWouldInTheirGoogleAccount()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);

        await Server.PostControlAsync($"google/accounts/{user}/tokens/revoke");
        using var refresh = await Google.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", (await refresh.ReadJsonAsync()).GetProperty("error").GetString());
        var account = await Server.GetControlAsync($"google/accounts/{user}");
        Assert.Equal("revoked", account.GetProperty("grants")[0].GetProperty("status").GetString());
        Assert.Equal(0, account.GetProperty("tokens").GetProperty("revokes").GetInt32());
    }

    [Fact]
    public async Task LetTheHostDeleteAnEventWithoutTellingAnyone()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        var id = (await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(), "conferenceDataVersion=1&sendUpdates=all")).GetProperty("id").GetString()!;

        var deleted = await Server.PostControlAsync($"google/events/{id}?user={user}", method: HttpMethod.Delete);
        var read = await Google.GetEventAsync(tokens.AccessToken, id);
        using var productDelete = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{id}", tokens.AccessToken);
        using var deletedTwice = await Server.Http.DeleteAsync(new Uri(Server.ControlBase, $"google/events/{id}?user={user}"));

        Assert.Equal("host", deleted.GetProperty("deleted_by").GetString());
        Assert.Equal("cancelled", read.GetProperty("status").GetString());
        await GoogleApi.AssertGoogleErrorAsync(productDelete, HttpStatusCode.Gone, "deleted");
        Assert.Equal(HttpStatusCode.NotFound, deletedTwice.StatusCode);
        var hostCall = deleted.GetProperty("calls").EnumerateArray().Last();
        Assert.Equal("host_delete", hostCall.GetProperty("operation").GetString());
        Assert.Empty(hostCall.GetProperty("emails").EnumerateArray());
    }

    [Fact]
    public async Task RecordEachCallsSendUpdatesAndTheEmailsGoogleWouldSend()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        var body = GoogleApi.MeetEvent(patient: "patient@example.org");
        body["attendees"] = new object[] { new { Email = "patient@example.org" }, new { Email = "dr.bob@sandbox.test" }, new { Email = user } };
        var id = (await Google.InsertEventAsync(tokens.AccessToken, body, "conferenceDataVersion=1&sendUpdates=all")).GetProperty("id").GetString()!;
        await PatchAsync(tokens, id, "sendUpdates=externalOnly", new { Summary = "Moved" });
        await PatchAsync(tokens, id, "sendUpdates=none", new { Summary = "Moved again" });
        await PatchAsync(tokens, id, "", new { Attendees = new[] { new { Email = "patient@example.org" } } });
        using var deleted = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{id}?sendUpdates=all", tokens.AccessToken);

        var events = await Server.GetControlAsync($"google/events?user={user}&include_deleted=true");
        var active = await Server.GetControlAsync($"google/events?user={user}");

        Assert.Empty(active.EnumerateArray());
        var inspected = Assert.Single(events.EnumerateArray());
        Assert.Equal("cancelled", inspected.GetProperty("event").GetProperty("status").GetString());
        Assert.Equal("api", inspected.GetProperty("deleted_by").GetString());
        var calls = inspected.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(["insert", "patch", "patch", "patch", "delete"], calls.Select(c => c.GetProperty("operation").GetString()));
        Assert.Equal(["all", "externalOnly", "none", null, "all"], calls.Select(c => c.TryGetProperty("send_updates", out var s) ? s.GetString() : null));
        Assert.Equal([("patient@example.org", "invitation"), ("dr.bob@sandbox.test", "invitation")], Emails(calls[0]));
        Assert.Equal([("patient@example.org", "update")], Emails(calls[1]));
        Assert.Empty(Emails(calls[2]));
        Assert.Empty(Emails(calls[3]));
        Assert.Equal([("patient@example.org", "cancellation")], Emails(calls[4]));
    }

    [Fact]
    public async Task ShowAndSwitchTheClientsSettings()
    {
        await using var server = await SandboxServer.StartAsync(prefix: "/sandbox");
        var before = await server.GetControlAsync("google/app");

        var after = await server.PostControlAsync("google/app", new { PublishingStatus = "testing", Conference = "failure", PendingGets = 3 }, HttpMethod.Put);
        using var refused = await server.Http.PutAsJsonAsync(new Uri(server.ControlBase, "google/app"), new { publishing_status = "beta" });

        Assert.Equal("production", before.GetProperty("publishing_status").GetString());
        Assert.Equal(GoogleApi.ClientId, before.GetProperty("client_id").GetString());
        Assert.EndsWith("/sandbox/google/o/oauth2/v2/auth", before.GetProperty("authorize_url").GetString());
        Assert.EndsWith("/sandbox/google/calendar/v3", before.GetProperty("calendar_api_base_url").GetString());
        Assert.Equal("testing", after.GetProperty("publishing_status").GetString());
        Assert.Equal("failure", after.GetProperty("conference").GetString());
        Assert.Equal(3, after.GetProperty("pending_gets").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task ForgetEverythingOnResetButKeepTheSeededAccounts()
    {
        await using var server = await SandboxServer.StartAsync();
        var tokens = await server.Google.ConnectAsync("dr.alice@sandbox.test");
        await server.Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        await server.PostControlAsync("google/app", new { PublishingStatus = "testing" }, HttpMethod.Put);
        await server.PostControlAsync("google/accounts", new { Email = "dr.temporary@sandbox.test" });

        await server.PostControlAsync("reset");
        using var call = await server.Google.SendAsync(HttpMethod.Get, "calendars/primary/events", tokens.AccessToken);
        using var refresh = await server.Google.RefreshAsync(tokens.RefreshToken!);

        Assert.Empty((await server.GetControlAsync("google/events?include_deleted=true")).EnumerateArray());
        Assert.Equal("production", (await server.GetControlAsync("google/app")).GetProperty("publishing_status").GetString());
        var emails = (await server.GetControlAsync("google/accounts")).EnumerateArray().Select(a => a.GetProperty("email").GetString()).ToList();
        Assert.Equal(["dr.alice@sandbox.test", "dr.bob@sandbox.test", "dr.carol@sandbox.test"], emails);
        Assert.Equal(HttpStatusCode.Unauthorized, call.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Contains("google", (await server.GetControlAsync("providers")).EnumerateArray().Select(p => p.GetString()));
    }

    private async Task PatchAsync(GoogleTokens tokens, string id, string query, object body)
    {
        using var response = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}?{query}", tokens.AccessToken, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static List<(string?, string?)> Emails(JsonElement call) =>
        call.GetProperty("emails").EnumerateArray().Select(e => (e.GetProperty("to").GetString(), e.GetProperty("kind").GetString())).ToList();
}
