using System.Net;
using Microsoft.EntityFrameworkCore;
using Telemed.Zoom.IntegrationTests.Infrastructure;
using static Telemed.Zoom.IntegrationTests.Infrastructure.ZoomClinics;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>Connecting a host's Zoom account through OAuth with PKCE against the sandbox over HTTP, and losing it again.</summary>
public sealed class ZoomConnectionShould(ZoomHostFixture fixture) : IClassFixture<ZoomHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task ConnectThroughOAuthWithPkceAndKeepTheTokensEncrypted()
    {
        var clinic = await CreateAsync(Host, connect: false);

        var authorize = await StartConnectAsync(clinic);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        var landed = await clinic.HostClient.GetAsync(await ConsentAsync(authorize, clinic.ZoomUser));

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/zoom/connection");
        Assert.Equal(clinic.ZoomUser, page.QuerySelector("[data-testid=zoom-account]")?.TextContent);
        Assert.Contains("Disconnect Zoom", page.Body!.TextContent);

        var issued = (await fixture.Sandbox.AccountAsync(clinic.ZoomUser)).GetProperty("issued_tokens").EnumerateArray()
            .SelectMany(t => t.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String).Select(p => p.Value.GetString()!))
            .Where(v => v.Length > 20).ToList();
        var stored = await InClinicAsync(Host, clinic, db => db.Connections.AsNoTracking().SingleAsync());
        Assert.NotEmpty(issued);
        Assert.All(issued, token => Assert.DoesNotContain(token, stored.ProtectedAccessToken + stored.ProtectedRefreshToken));
        Assert.Equal("connected", stored.Status);
    }

    [Fact]
    public async Task RefuseACallbackWhoseStateWasAlreadyUsed()
    {
        var clinic = await CreateAsync(Host, connect: false);
        var callback = await ConsentAsync(await StartConnectAsync(clinic), clinic.ZoomUser);
        await clinic.HostClient.GetAsync(callback);
        await InClinicAsync(Host, clinic, db => db.Connections.ExecuteDeleteAsync());

        var replayed = await clinic.HostClient.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task RefuseACallbackWithATamperedState()
    {
        var clinic = await CreateAsync(Host, connect: false);
        var callback = await ConsentAsync(await StartConnectAsync(clinic), clinic.ZoomUser);
        var tampered = callback.ToString().Replace("state=", "state=x");

        await clinic.HostClient.GetAsync(tampered);

        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task StayDisconnectedWhenTheUserDeniesAccess()
    {
        var clinic = await CreateAsync(Host, connect: false);

        await ConnectAsync(clinic, decision: "deny");

        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/zoom/connection");
        Assert.Contains("Zoom access was not granted", page.Body!.TextContent);
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task RevokeAtZoomAndDeleteTheTokensOnDisconnect()
    {
        var clinic = await CreateAsync(Host);

        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/zoom/connection");
        var response = await clinic.HostClient.SubmitFormAsync(page, $"{clinic.PathBase}/zoom/connection", new Dictionary<string, string>(), handler: "Disconnect", formSelector: "section[data-provider=zoom] form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
        var account = await fixture.Sandbox.AccountAsync(clinic.ZoomUser);
        Assert.Equal(1, account.GetProperty("tokens").GetProperty("revocations").GetInt32());
        Assert.Contains("Connect Zoom", (await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/zoom/connection")).Body!.TextContent);
    }

    [Fact]
    public async Task MarkTheConnectionLostAndOfferReconnectWhenZoomRefusesTheGrant()
    {
        var clinic = await CreateAsync(Host);
        await fixture.Sandbox.PostAsync($"zoom/accounts/{clinic.ZoomUser}/tokens/revoke");
        var appointment = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(1));

        await PublishAsync(Host, clinic, appointment);

        await Eventually.TrueAsync(async () => (await MeetingAsync(Host, clinic, appointment.SlotKey))?.State == "failed", Waiting.Generous);
        var connection = await InClinicAsync(Host, clinic, db => db.Connections.AsNoTracking().SingleAsync());
        Assert.Equal("lost", connection.Status);
        Assert.Null(connection.ProtectedRefreshToken);
        Assert.Contains("connection was lost", (await MeetingAsync(Host, clinic, appointment.SlotKey))!.LastError);
        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/zoom/connection");
        Assert.Contains("Reconnect Zoom", page.Body!.TextContent);

        var reconnected = await ConnectAsync(clinic);

        Assert.Equal(HttpStatusCode.Redirect, reconnected.StatusCode);
        var created = await SettledMeetingAsync(Host, clinic, appointment.SlotKey, "created");
        Assert.Single(await fixture.Sandbox.LiveMeetingsAsync(clinic.ZoomUser));
        Assert.NotNull(created.JoinUrl);
    }
}
