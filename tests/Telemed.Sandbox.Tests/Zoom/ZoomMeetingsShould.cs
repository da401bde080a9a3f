using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Zoom;

public sealed partial class ZoomMeetingsShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private ZoomApi Zoom => fixture.Server.Zoom;

    [Fact]
    public async Task CreateAMeetingWithZoomsShape()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);

        using var response = await Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting("Video consultation – Dr. Rivera"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var meeting = await response.ReadJsonAsync();
        var id = meeting.GetProperty("id").GetInt64();
        Assert.True(id > int.MaxValue, "Zoom meeting ids do not fit an int");
        Assert.Equal(new Uri(Zoom.Base, $"v2/meetings/{id}"), response.Content.Headers.ContentLocation ?? response.Headers.GetValues("Content-Location").Select(v => new Uri(v)).Single());
        Assert.Equal("Video consultation – Dr. Rivera", meeting.GetProperty("topic").GetString());
        Assert.Equal(2, meeting.GetProperty("type").GetInt32());
        Assert.Equal("waiting", meeting.GetProperty("status").GetString());
        Assert.Equal("2030-12-03T14:30:00Z", meeting.GetProperty("start_time").GetString());
        Assert.Equal(30, meeting.GetProperty("duration").GetInt32());
        Assert.Equal("Europe/Madrid", meeting.GetProperty("timezone").GetString());
        Assert.Equal(user, meeting.GetProperty("host_email").GetString());
        Assert.Matches(UtcTime(), meeting.GetProperty("created_at").GetString()!);
        Assert.Equal("k7Rq2mXp", meeting.GetProperty("password").GetString());
        Assert.Matches("^[0-9]{6,10}$", meeting.GetProperty("h323_password").GetString()!);
        Assert.Equal(meeting.GetProperty("h323_password").GetString(), meeting.GetProperty("pstn_password").GetString());
        Assert.Contains($"/j/{id}?pwd=", meeting.GetProperty("join_url").GetString());
        Assert.Contains($"/s/{id}?zak=", meeting.GetProperty("start_url").GetString());
        Assert.False(string.IsNullOrEmpty(meeting.GetProperty("uuid").GetString()));
        Assert.False(string.IsNullOrEmpty(meeting.GetProperty("host_id").GetString()));
        Assert.False(string.IsNullOrEmpty(meeting.GetProperty("encrypted_password").GetString()));
        var settings = meeting.GetProperty("settings");
        Assert.True(settings.GetProperty("waiting_room").GetBoolean());
        Assert.True(settings.GetProperty("mute_upon_entry").GetBoolean());
        Assert.Equal("voip", settings.GetProperty("audio").GetString());
        Assert.Equal(2, settings.GetProperty("approval_type").GetInt32());
    }

    [Fact]
    public async Task CreateForTheTokensUserByIdOrEmailButNotForAnotherUser()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        var me = await (await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken)).ReadJsonAsync();

        using var byId = await Zoom.SendAsync(HttpMethod.Post, $"users/{me.GetProperty("id").GetString()}/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());
        using var byEmail = await Zoom.SendAsync(HttpMethod.Post, $"users/{user}/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());
        using var otherUser = await Zoom.SendAsync(HttpMethod.Post, "users/dr.alice@sandbox.test/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());
        using var nobody = await Zoom.SendAsync(HttpMethod.Post, "users/nobody-here/meetings", tokens.AccessToken, ZoomApi.ScheduledMeeting());

        Assert.Equal(HttpStatusCode.Created, byId.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byEmail.StatusCode);
        Assert.Equal(4711, (await otherUser.ReadJsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal(1001, (await nobody.ReadJsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task GiveAFreshStartUrlOnEveryRead()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        var created = await Zoom.CreateMeetingAsync(tokens.AccessToken);
        var id = created.GetProperty("id").GetInt64();

        var first = await GetMeetingAsync(tokens, id);
        var second = await GetMeetingAsync(tokens, id);

        Assert.NotEqual(first.GetProperty("start_url").GetString(), second.GetProperty("start_url").GetString());
        Assert.Equal(created.GetProperty("join_url").GetString(), second.GetProperty("join_url").GetString());
        using var start = await Server.Http.GetAsync(second.GetProperty("start_url").GetString());
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal("started", (await GetMeetingAsync(tokens, id)).GetProperty("status").GetString());
        using var forged = await Server.Http.GetAsync(new Uri(Zoom.Base, $"s/{id}?zak=forged"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task ChangeOnlyTheFieldsSentOnUpdate()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        var id = (await Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("id").GetInt64();

        using var update = await Zoom.SendAsync(HttpMethod.Patch, $"meetings/{id}", tokens.AccessToken,
            new { StartTime = "2030-12-04T09:00:00Z", Duration = 45, Settings = new { MuteUponEntry = false } });

        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        Assert.Equal(0, update.Content.Headers.ContentLength ?? 0);
        var meeting = await GetMeetingAsync(tokens, id);
        Assert.Equal("2030-12-04T09:00:00Z", meeting.GetProperty("start_time").GetString());
        Assert.Equal(45, meeting.GetProperty("duration").GetInt32());
        Assert.Equal("Video consultation", meeting.GetProperty("topic").GetString());
        Assert.Equal("k7Rq2mXp", meeting.GetProperty("password").GetString());
        Assert.False(meeting.GetProperty("settings").GetProperty("mute_upon_entry").GetBoolean());
        Assert.True(meeting.GetProperty("settings").GetProperty("waiting_room").GetBoolean());
    }

    [Fact]
    public async Task IgnoreAPastStartTimeOnUpdate()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        var id = (await Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("id").GetInt64();

        using var update = await Zoom.SendAsync(HttpMethod.Patch, $"meetings/{id}", tokens.AccessToken, new { StartTime = "2001-01-01T10:00:00Z", Topic = "Moved" });

        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var meeting = await GetMeetingAsync(tokens, id);
        Assert.Equal("2030-12-03T14:30:00Z", meeting.GetProperty("start_time").GetString());
        Assert.Equal("Moved", meeting.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task DeleteWith204AndThenAnswer3001()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        var id = (await Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("id").GetInt64();

        using var delete = await Zoom.SendAsync(HttpMethod.Delete, $"meetings/{id}?schedule_for_reminder=false&cancel_meeting_reminder=false", tokens.AccessToken);
        using var get = await Zoom.SendAsync(HttpMethod.Get, $"meetings/{id}", tokens.AccessToken);
        using var deleteAgain = await Zoom.SendAsync(HttpMethod.Delete, $"meetings/{id}", tokens.AccessToken);
        using var update = await Zoom.SendAsync(HttpMethod.Patch, $"meetings/{id}", tokens.AccessToken, new { Topic = "x" });

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        foreach (var response in new[] { get, deleteAgain, update })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var error = await response.ReadJsonAsync();
            Assert.Equal(3001, error.GetProperty("code").GetInt32());
            Assert.Equal($"Meeting does not exist: {id}.", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task RefuseToDeleteAMeetingInProgressAndEndItWith204()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        var id = (await Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("id").GetInt64();
        await Server.PostControlAsync($"zoom/meetings/{id}/start");

        using var delete = await Zoom.SendAsync(HttpMethod.Delete, $"meetings/{id}", tokens.AccessToken);
        using var end = await Zoom.SendAsync(HttpMethod.Put, $"meetings/{id}/status", tokens.AccessToken, new { Action = "end" });

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(3002, (await delete.ReadJsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Equal("waiting", (await GetMeetingAsync(tokens, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task KeepOtherHostsMeetingsPrivate()
    {
        var owner = await Zoom.ConnectAsync(TestJson.NewUser());
        var stranger = await Zoom.ConnectAsync(TestJson.NewUser());
        var id = (await Zoom.CreateMeetingAsync(owner.AccessToken)).GetProperty("id").GetInt64();

        using var get = await Zoom.SendAsync(HttpMethod.Get, $"meetings/{id}", stranger.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(3000, (await get.ReadJsonAsync()).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("""{"topic":"ok","settings":{"jbh_time":7}}""", "settings.jbh_time")]
    [InlineData("""{"start_time":"03/12/2030 14:30"}""", "start_time")]
    [InlineData("""{"password":"far-too-long-passcode"}""", "password")]
    [InlineData("""{"password":"bad pass"}""", "password")]
    [InlineData("""{"type":5}""", "type")]
    [InlineData("""{"timezone":"Mars/Olympus_Mons"}""", "timezone")]
    [InlineData("""{"settings":{"audio":"carrier-pigeon"}}""", "settings.audio")]
    public async Task RefuseInvalidFieldsWithCode300(string body, string field)
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        using var response = await Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal(300, error.GetProperty("code").GetInt32());
        Assert.Equal("Validation Failed.", error.GetProperty("message").GetString());
        Assert.Contains(error.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task RefuseABodyThatIsNotJson()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        using var response = await Zoom.SendAsync(HttpMethod.Post, "users/me/meetings", tokens.AccessToken, "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(300, (await response.ReadJsonAsync()).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("2030-07-01T10:00:00", "Europe/Berlin", "2030-07-01T08:00:00Z")]
    [InlineData("2030-01-15T10:00:00", "Europe/Berlin", "2030-01-15T09:00:00Z")]
    [InlineData("2030-03-10T09:30:00", "America/New_York", "2030-03-10T13:30:00Z")]
    public async Task ReadALocalStartTimeInTheMeetingsZone(string local, string zone, string utc)
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        var meeting = await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = "t", Type = 2, StartTime = local, Timezone = zone, Duration = 30 });

        Assert.Equal(utc, meeting.GetProperty("start_time").GetString());
        Assert.Equal(zone, meeting.GetProperty("timezone").GetString());
    }

    [Fact]
    public async Task TurnAScheduledMeetingWithoutStartTimeIntoAnInstantOneAndGenerateAPasscode()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        var meeting = await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = "No time", Type = 2, Settings = new { JoinBeforeHost = true, WaitingRoom = true } });

        Assert.Equal(1, meeting.GetProperty("type").GetInt32());
        Assert.Matches(UtcTime(), meeting.GetProperty("start_time").GetString()!);
        Assert.Matches("^[A-Za-z0-9]{8}$", meeting.GetProperty("password").GetString()!);
        // A waiting room turns join-before-host off.
        Assert.False(meeting.GetProperty("settings").GetProperty("join_before_host").GetBoolean());
    }

    [Fact]
    public async Task ListTheHostsMeetingsPageByPage()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        var created = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = $"m{i}", Type = 2, StartTime = $"2030-05-0{i + 1}T10:00:00Z", Duration = 30 })).GetProperty("id").GetInt64());
        }

        var seen = new List<long>();
        string? token = null;
        do
        {
            using var response = await Zoom.SendAsync(HttpMethod.Get, $"users/me/meetings?type=upcoming&page_size=2&next_page_token={token}", tokens.AccessToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            Assert.Equal(5, page.GetProperty("total_records").GetInt32());
            Assert.Equal(2, page.GetProperty("page_size").GetInt32());
            seen.AddRange(page.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
            token = page.GetProperty("next_page_token").GetString();
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(created, seen);
    }

    [Theory]
    [InlineData("live", 1)]
    [InlineData("previous_meetings", 1)]
    [InlineData("upcoming", 2)]
    [InlineData("scheduled", 3)]
    public async Task FilterTheListByType(string type, int expected)
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = "past", Type = 2, StartTime = "2001-05-01T10:00:00Z", Duration = 30 });
        await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = "future", Type = 2, StartTime = "2030-05-01T10:00:00Z", Duration = 30 });
        var live = (await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = "live", Type = 2, StartTime = "2031-05-01T10:00:00Z", Duration = 30 })).GetProperty("id").GetInt64();
        await Server.PostControlAsync($"zoom/meetings/{live}/start");

        using var response = await Zoom.SendAsync(HttpMethod.Get, $"users/me/meetings?type={type}", tokens.AccessToken);

        Assert.Equal(expected, (await response.ReadJsonAsync()).GetProperty("total_records").GetInt32());
    }

    [Theory]
    [InlineData("2030-05-01", "2030-05-01", "UTC", 1)]
    [InlineData("2030-05-01", "2030-05-02", "UTC", 2)]
    [InlineData("2030-05-03", "2030-05-03", "Asia/Tokyo", 1)]
    [InlineData("2030-05-03", "2030-05-03", "UTC", 0)]
    [InlineData("2030-05-04", "2030-05-09", "UTC", 0)]
    public async Task FilterTheListByDateInTheGivenZone(string from, string to, string zone, int expected)
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = "a", Type = 2, StartTime = "2030-05-01T10:00:00Z", Duration = 30 });
        await Zoom.CreateMeetingAsync(tokens.AccessToken, new { Topic = "b", Type = 2, StartTime = "2030-05-02T20:00:00Z", Duration = 30 });

        using var response = await Zoom.SendAsync(HttpMethod.Get, $"users/me/meetings?from={from}&to={to}&timezone={zone}", tokens.AccessToken);

        Assert.Equal(expected, (await response.ReadJsonAsync()).GetProperty("total_records").GetInt32());
    }

    [Fact]
    public async Task LetPatientsJoinOnlyWithThePasscodeInTheirLink()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());
        var joinUrl = (await Zoom.CreateMeetingAsync(tokens.AccessToken)).GetProperty("join_url").GetString()!;

        using var join = await Server.Http.GetAsync(joinUrl);
        using var tampered = await Server.Http.GetAsync(joinUrl[..joinUrl.IndexOf("?pwd=", StringComparison.Ordinal)] + "?pwd=guess");

        Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        Assert.Contains("has not started", await join.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    private async Task<JsonElement> GetMeetingAsync(ZoomTokens tokens, long id)
    {
        using var response = await Zoom.SendAsync(HttpMethod.Get, $"meetings/{id}", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex UtcTime();
}
