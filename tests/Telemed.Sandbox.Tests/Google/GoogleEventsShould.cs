using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

public sealed partial class GoogleEventsShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private GoogleApi Google => fixture.Server.Google;

    [Fact]
    public async Task InsertAnEventWithAMeetLinkAndItsEntryPoints()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        var id = GoogleApi.NewEventId();

        using var response = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events?conferenceDataVersion=1&sendUpdates=none",
            tokens.AccessToken, GoogleApi.MeetEvent(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await response.ReadJsonAsync();
        Assert.Equal("calendar#event", e.GetProperty("kind").GetString());
        Assert.Equal(id, e.GetProperty("id").GetString());
        Assert.Equal("confirmed", e.GetProperty("status").GetString());
        Assert.Equal(0, e.GetProperty("sequence").GetInt32());
        Assert.Equal($"{id}@google.com", e.GetProperty("iCalUID").GetString());
        Assert.StartsWith("\"", e.GetProperty("etag").GetString());
        Assert.Equal(e.GetProperty("etag").GetString(), response.Headers.ETag!.Tag);
        Assert.StartsWith(Google.Base + "calendar/event?eid=", e.GetProperty("htmlLink").GetString());
        Assert.True(DateTimeOffset.TryParse(e.GetProperty("created").GetString(), out _));
        Assert.EndsWith("Z", e.GetProperty("updated").GetString());
        Assert.Equal(user, e.GetProperty("organizer").GetProperty("email").GetString());
        Assert.True(e.GetProperty("organizer").GetProperty("self").GetBoolean());
        Assert.Equal(user, e.GetProperty("creator").GetProperty("email").GetString());
        Assert.Equal("2030-12-03T15:30:00+01:00", e.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/Madrid", e.GetProperty("start").GetProperty("timeZone").GetString());
        Assert.Equal("needsAction", e.GetProperty("attendees")[0].GetProperty("responseStatus").GetString());
        Assert.Equal("a-1", e.GetProperty("extendedProperties").GetProperty("private").GetProperty("appointmentId").GetString());
        Assert.True(e.GetProperty("reminders").GetProperty("useDefault").GetBoolean());

        var conference = e.GetProperty("conferenceData");
        var code = conference.GetProperty("conferenceId").GetString()!;
        Assert.Matches(MeetCode(), code);
        Assert.Equal("success", conference.GetProperty("createRequest").GetProperty("status").GetProperty("statusCode").GetString());
        Assert.Equal("appt-1-v1", conference.GetProperty("createRequest").GetProperty("requestId").GetString());
        Assert.Equal("hangoutsMeet", conference.GetProperty("conferenceSolution").GetProperty("key").GetProperty("type").GetString());
        Assert.Equal("Google Meet", conference.GetProperty("conferenceSolution").GetProperty("name").GetString());
        var entryPoints = conference.GetProperty("entryPoints").EnumerateArray().ToDictionary(p => p.GetProperty("entryPointType").GetString()!);
        var link = e.GetProperty("hangoutLink").GetString()!;
        Assert.Equal($"{Google.Base}meet/{code}", link);
        Assert.Equal(link, entryPoints["video"].GetProperty("uri").GetString());
        Assert.StartsWith("tel:+", entryPoints["phone"].GetProperty("uri").GetString());
        Assert.Matches("^[0-9]{9}$", entryPoints["phone"].GetProperty("pin").GetString()!);
        Assert.Equal(entryPoints["phone"].GetProperty("pin").GetString(), entryPoints["more"].GetProperty("pin").GetString());

        using var room = await Server.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, room.StatusCode);
        var page = new HtmlParser().ParseDocument(await room.Content.ReadAsStringAsync());
        Assert.Equal($"Google Meet sandbox — meeting {code}", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task MakeNoMeetLinkWithoutConferenceDataVersionOne()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());

        var e = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(), query: "sendUpdates=none");

        Assert.False(e.TryGetProperty("hangoutLink", out _));
        Assert.False(e.TryGetProperty("conferenceData", out _));
    }

    [Fact]
    public async Task IgnoreARepeatedRequestIdButMakeANewLinkForANewOne()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var e = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(requestId: "r-1"));
        var id = e.GetProperty("id").GetString()!;

        using var repeated = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}?conferenceDataVersion=1", tokens.AccessToken,
            new { ConferenceData = new { CreateRequest = new { RequestId = "r-1", ConferenceSolutionKey = new { Type = "hangoutsMeet" } } } });
        using var renewed = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}?conferenceDataVersion=1", tokens.AccessToken,
            new { ConferenceData = new { CreateRequest = new { RequestId = "r-2", ConferenceSolutionKey = new { Type = "hangoutsMeet" } } } });

        var link = e.GetProperty("hangoutLink").GetString();
        Assert.Equal(link, (await repeated.ReadJsonAsync()).GetProperty("hangoutLink").GetString());
        var renewedEvent = await renewed.ReadJsonAsync();
        Assert.NotEqual(link, renewedEvent.GetProperty("hangoutLink").GetString());
        Assert.Equal("r-2", renewedEvent.GetProperty("conferenceData").GetProperty("createRequest").GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task AnswerDuplicateForAnIdAlreadyUsedEvenAfterItWasDeleted()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var id = GoogleApi.NewEventId();
        await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(id));

        using var retried = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events?conferenceDataVersion=1", tokens.AccessToken, GoogleApi.MeetEvent(id));
        using var deleted = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{id}", tokens.AccessToken);
        using var afterDelete = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events?conferenceDataVersion=1", tokens.AccessToken, GoogleApi.MeetEvent(id));

        await GoogleApi.AssertGoogleErrorAsync(retried, HttpStatusCode.Conflict, "duplicate");
        Assert.Contains("The requested identifier already exists.", await retried.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await GoogleApi.AssertGoogleErrorAsync(afterDelete, HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task PatchOnlyThePresentFieldsKeepingTheMeetLink()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var e = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        var id = e.GetProperty("id").GetString()!;

        using var moved = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}?conferenceDataVersion=1&sendUpdates=none", tokens.AccessToken, new
        {
            Start = new { DateTime = "2030-12-04T09:00:00+01:00", TimeZone = "Europe/Madrid" },
            End = new { DateTime = "2030-12-04T09:30:00+01:00", TimeZone = "Europe/Madrid" },
            Attendees = new[] { new { Email = "someone.else@example.org" } },
        });
        var patched = await moved.ReadJsonAsync();
        using var retitled = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}", tokens.AccessToken, new { Summary = "Renamed" });
        var renamed = await retitled.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2030-12-04T09:00:00+01:00", patched.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal(e.GetProperty("summary").GetString(), patched.GetProperty("summary").GetString());
        Assert.Equal(e.GetProperty("hangoutLink").GetString(), patched.GetProperty("hangoutLink").GetString());
        Assert.Equal(["someone.else@example.org"], patched.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("email").GetString()));
        Assert.Equal(1, patched.GetProperty("sequence").GetInt32());
        Assert.NotEqual(e.GetProperty("etag").GetString(), patched.GetProperty("etag").GetString());
        Assert.NotEqual(e.GetProperty("updated").GetString(), patched.GetProperty("updated").GetString());
        Assert.Equal("clinic-42", patched.GetProperty("extendedProperties").GetProperty("private").GetProperty("tenantId").GetString());

        // Without conferenceDataVersion the conference is not touched either; a title change does not bump the sequence.
        Assert.Equal(e.GetProperty("hangoutLink").GetString(), renamed.GetProperty("hangoutLink").GetString());
        Assert.Equal("Renamed", renamed.GetProperty("summary").GetString());
        Assert.Equal(1, renamed.GetProperty("sequence").GetInt32());
        Assert.NotEqual(patched.GetProperty("etag").GetString(), renamed.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task ReplaceTheEventOnUpdateAndRequireItsTimes()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var e = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        var id = e.GetProperty("id").GetString()!;

        using var withoutTimes = await Google.SendAsync(HttpMethod.Put, $"calendars/primary/events/{id}", tokens.AccessToken, new { Summary = "Only a title" });
        using var replaced = await Google.SendAsync(HttpMethod.Put, $"calendars/primary/events/{id}", tokens.AccessToken, new
        {
            Summary = "Replaced",
            Start = new { DateTime = "2030-12-03T15:30:00+01:00" },
            End = new { DateTime = "2030-12-03T16:30:00+01:00" },
        });

        await GoogleApi.AssertGoogleErrorAsync(withoutTimes, HttpStatusCode.BadRequest, "required");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var updated = await replaced.ReadJsonAsync();
        Assert.Equal("Replaced", updated.GetProperty("summary").GetString());
        Assert.False(updated.TryGetProperty("description", out _));
        Assert.False(updated.TryGetProperty("attendees", out _));
        Assert.Equal("2030-12-03T14:30:00Z", updated.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal(1, updated.GetProperty("sequence").GetInt32());
        // conferenceDataVersion 0: the body's (absent) conference data is ignored and the link stays.
        Assert.Equal(e.GetProperty("hangoutLink").GetString(), updated.GetProperty("hangoutLink").GetString());
    }

    [Fact]
    public async Task AnswerPreconditionFailedForAStaleEtag()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var e = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        var id = e.GetProperty("id").GetString()!;
        var etag = e.GetProperty("etag").GetString()!;
        using var first = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}", tokens.AccessToken, new { Summary = "A" }, ifMatch: etag);

        using var stale = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}", tokens.AccessToken, new { Summary = "B" }, ifMatch: etag);
        using var staleDelete = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{id}", tokens.AccessToken, ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await GoogleApi.AssertGoogleErrorAsync(stale, HttpStatusCode.PreconditionFailed, "conditionNotMet");
        await GoogleApi.AssertGoogleErrorAsync(staleDelete, HttpStatusCode.PreconditionFailed, "conditionNotMet");
        Assert.Equal("A", (await Google.GetEventAsync(tokens.AccessToken, id)).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task DeleteOnceThenAnswerGoneAndKeepTheEventReadableAsCancelled()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var id = (await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent())).GetProperty("id").GetString()!;

        using var deleted = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{id}?sendUpdates=none", tokens.AccessToken);
        using var again = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{id}?sendUpdates=none", tokens.AccessToken);
        var read = await Google.GetEventAsync(tokens.AccessToken, id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("", await deleted.Content.ReadAsStringAsync());
        await GoogleApi.AssertGoogleErrorAsync(again, HttpStatusCode.Gone, "deleted");
        Assert.Contains("Resource has been deleted", await again.Content.ReadAsStringAsync());
        Assert.Equal("cancelled", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnswerNotFoundForAnUnknownEvent()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());

        using var get = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events/nosuchevent1", tokens.AccessToken);
        using var delete = await Google.SendAsync(HttpMethod.Delete, "calendars/primary/events/nosuchevent1", tokens.AccessToken);
        using var otherCalendar = await Google.SendAsync(HttpMethod.Get, "calendars/someone@example.org/events", tokens.AccessToken);

        await GoogleApi.AssertGoogleErrorAsync(get, HttpStatusCode.NotFound, "notFound");
        await GoogleApi.AssertGoogleErrorAsync(delete, HttpStatusCode.NotFound, "notFound");
        await GoogleApi.AssertGoogleErrorAsync(otherCalendar, HttpStatusCode.NotFound, "notFound");
        var body = await get.ReadJsonAsync();
        Assert.Equal("Not Found", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task KeepEachAccountsEventsToItself()
    {
        var alice = await Google.ConnectAsync(TestJson.NewUser());
        var bobEmail = TestJson.NewUser();
        var bob = await Google.ConnectAsync(bobEmail);
        var id = (await Google.InsertEventAsync(alice.AccessToken, GoogleApi.MeetEvent())).GetProperty("id").GetString()!;

        using var get = await Google.SendAsync(HttpMethod.Get, $"calendars/primary/events/{id}", bob.AccessToken);
        using var patch = await Google.SendAsync(HttpMethod.Patch, $"calendars/primary/events/{id}", bob.AccessToken, new { Summary = "Mine now" });
        using var delete = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{id}", bob.AccessToken);
        using var ownByEmail = await Google.SendAsync(HttpMethod.Get, $"calendars/{bobEmail}/events", bob.AccessToken);

        await GoogleApi.AssertGoogleErrorAsync(get, HttpStatusCode.NotFound, "notFound");
        await GoogleApi.AssertGoogleErrorAsync(patch, HttpStatusCode.NotFound, "notFound");
        await GoogleApi.AssertGoogleErrorAsync(delete, HttpStatusCode.NotFound, "notFound");
        Assert.Equal(HttpStatusCode.OK, ownByEmail.StatusCode);
        Assert.Equal("confirmed", (await Google.GetEventAsync(alice.AccessToken, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task LetAReadOnlyTokenReadButNotWrite()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser(), GoogleApi.CalendarReadonly);

        using var list = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", tokens.AccessToken);
        using var insert = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events", tokens.AccessToken, GoogleApi.MeetEvent());

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await GoogleApi.AssertGoogleErrorAsync(insert, HttpStatusCode.Forbidden, "insufficientPermissions");
    }

    [Theory]
    [InlineData("missing", "required")]
    [InlineData("garbage", "authError")]
    [InlineData("expired", "authError")]
    public async Task AnswerUnauthorizedWithoutAWorkingToken(string token, string reason)
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        if (token == "expired")
        {
            await Server.PostControlAsync($"google/accounts/{user}/tokens/expire");
        }

        using var response = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events",
            token switch { "missing" => null, "garbage" => "ya29.garbage", _ => tokens.AccessToken });

        await GoogleApi.AssertGoogleErrorAsync(response, HttpStatusCode.Unauthorized, reason);
        var error = (await response.ReadJsonAsync()).GetProperty("error").GetProperty("errors")[0];
        Assert.Equal("header", error.GetProperty("locationType").GetString());
        Assert.Equal("Authorization", error.GetProperty("location").GetString());
        if (reason == "authError")
        {
            Assert.Equal("Invalid Credentials", error.GetProperty("message").GetString());
        }
    }

    [GeneratedRegex("^[a-z]{3}-[a-z]{4}-[a-z]{3}$")]
    private static partial Regex MeetCode();
}
