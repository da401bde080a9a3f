using System.Net;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

/// <summary>What Google refuses in an event write: ids outside base32hex, missing or backwards times, unknown query values, a body that is not JSON.</summary>
public sealed class GoogleEventValidationShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private GoogleApi Google => fixture.Server.Google;

    [Theory]
    [InlineData("abcd")]
    [InlineData("ABCDEF123")]
    [InlineData("wxyz12345")]
    [InlineData("abc_12345")]
    [InlineData("abc-12345")]
    public async Task RefuseAClientIdOutsideBase32Hex(string id)
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());

        using var response = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events?conferenceDataVersion=1", tokens.AccessToken, GoogleApi.MeetEvent(id));

        await GoogleApi.AssertGoogleErrorAsync(response, HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("Invalid resource id value.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("2030-12-03T15:30:00+01:00", "2030-12-03T15:00:00+01:00", "timeRangeEmpty")]
    [InlineData(null, "2030-12-03T16:00:00+01:00", "required")]
    [InlineData("2030-12-03T15:30:00+01:00", null, "required")]
    [InlineData("tomorrow at three", "2030-12-03T16:00:00+01:00", "invalid")]
    public async Task RefuseMissingOrBackwardsTimes(string? start, string? end, string reason)
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var body = GoogleApi.MeetEvent();
        body["start"] = start is null ? null : new { DateTime = start };
        body["end"] = end is null ? null : new { DateTime = end };

        using var response = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events", tokens.AccessToken, body);

        await GoogleApi.AssertGoogleErrorAsync(response, HttpStatusCode.BadRequest, reason, domain: null);
    }

    [Fact]
    public async Task ReadALocalTimeInItsTimeZoneAndRefuseOneWithout()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var local = GoogleApi.MeetEvent();
        local["start"] = new { DateTime = "2030-07-01T10:00:00", TimeZone = "Europe/Madrid" };
        local["end"] = new { DateTime = "2030-07-01T10:30:00", TimeZone = "Europe/Madrid" };
        var floating = GoogleApi.MeetEvent();
        floating["start"] = new { DateTime = "2030-07-01T10:00:00" };
        floating["end"] = new { DateTime = "2030-07-01T10:30:00" };

        var e = await Google.InsertEventAsync(tokens.AccessToken, local);
        using var refused = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events", tokens.AccessToken, floating);

        Assert.Equal("2030-07-01T10:00:00+02:00", e.GetProperty("start").GetProperty("dateTime").GetString());
        await GoogleApi.AssertGoogleErrorAsync(refused, HttpStatusCode.BadRequest, "required");
    }

    [Theory]
    [InlineData("sendUpdates=everyone")]
    [InlineData("conferenceDataVersion=2")]
    public async Task RefuseAnUnknownQueryValue(string query)
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());

        using var response = await Google.SendAsync(HttpMethod.Post, $"calendars/primary/events?{query}", tokens.AccessToken, GoogleApi.MeetEvent());

        await GoogleApi.AssertGoogleErrorAsync(response, HttpStatusCode.BadRequest, "invalidParameter");
    }

    [Fact]
    public async Task AnswerAParseErrorForABodyThatIsNotAJsonObject()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());

        using var response = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events", tokens.AccessToken, "[1, 2");

        await GoogleApi.AssertGoogleErrorAsync(response, HttpStatusCode.BadRequest, "parseError");
    }
}
