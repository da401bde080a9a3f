using System.Net;
using System.Text.Json;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

public sealed class GoogleEventListShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private GoogleApi Google => fixture.Server.Google;

    [Fact]
    public async Task FindTheEventOfAnAppointmentByItsPrivateProperty()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(appointmentId: "a-1"));
        var wanted = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(appointmentId: "a-2"));

        var list = await ListAsync(tokens, "privateExtendedProperty=appointmentId%3Da-2&privateExtendedProperty=tenantId%3Dclinic-42");
        var none = await ListAsync(tokens, "privateExtendedProperty=appointmentId%3Da-2&privateExtendedProperty=tenantId%3Dclinic-7");

        Assert.Equal("calendar#events", list.GetProperty("kind").GetString());
        Assert.Equal([wanted.GetProperty("id").GetString()], Ids(list));
        Assert.Empty(Ids(none));
    }

    [Fact]
    public async Task FilterByTimeWindowAndOrderByStartTime()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var late = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(start: "2030-03-02T10:00:00Z", end: "2030-03-02T10:30:00Z"));
        var early = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(start: "2030-03-01T10:00:00Z", end: "2030-03-01T10:30:00Z"));
        await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(start: "2030-04-01T10:00:00Z", end: "2030-04-01T10:30:00Z"));

        var list = await ListAsync(tokens, "timeMin=2030-03-01T00:00:00Z&timeMax=2030-03-03T00:00:00%2B01:00&singleEvents=true&orderBy=startTime");
        using var empty = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events?timeMin=2030-03-03T00:00:00Z&timeMax=2030-03-01T00:00:00Z", tokens.AccessToken);
        using var unordered = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events?orderBy=startTime", tokens.AccessToken);

        Assert.Equal([early.GetProperty("id").GetString(), late.GetProperty("id").GetString()], Ids(list));
        await GoogleApi.AssertGoogleErrorAsync(empty, HttpStatusCode.BadRequest, "timeRangeEmpty", domain: "calendar");
        await GoogleApi.AssertGoogleErrorAsync(unordered, HttpStatusCode.BadRequest, "badRequest");
    }

    [Fact]
    public async Task LeaveCancelledEventsOutUnlessShowDeleted()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var kept = await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent());
        var gone = (await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent())).GetProperty("id").GetString()!;
        using var _ = await Google.SendAsync(HttpMethod.Delete, $"calendars/primary/events/{gone}", tokens.AccessToken);

        var visible = await ListAsync(tokens, "");
        var all = await ListAsync(tokens, "showDeleted=true");

        Assert.Equal([kept.GetProperty("id").GetString()], Ids(visible));
        Assert.Equal(2, Ids(all).Count);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), e => e.GetProperty("status").GetString() == "cancelled");
    }

    [Fact]
    public async Task PageWithMaxResultsAndNextPageToken()
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());
        var inserted = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            inserted.Add((await Google.InsertEventAsync(tokens.AccessToken, GoogleApi.MeetEvent(appointmentId: $"p-{i}"))).GetProperty("id").GetString());
        }

        var seen = new List<string?>();
        string? pageToken = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(tokens, "maxResults=2" + (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}"));
            seen.AddRange(Ids(page));
            pageToken = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            pages++;
            if (pageToken is null)
            {
                Assert.True(page.TryGetProperty("nextSyncToken", out _));
            }
        }
        while (pageToken is not null);
        using var bogus = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events?pageToken=not-a-token", tokens.AccessToken);

        Assert.Equal(3, pages);
        Assert.Equal(inserted, seen);
        await GoogleApi.AssertGoogleErrorAsync(bogus, HttpStatusCode.BadRequest, "invalid");
    }

    private async Task<JsonElement> ListAsync(GoogleTokens tokens, string query)
    {
        using var response = await Google.SendAsync(HttpMethod.Get, $"calendars/primary/events?{query}", tokens.AccessToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static List<string?> Ids(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
}
