using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Messaging;
using Telemed.GoogleMeet.IntegrationTests.Infrastructure;
using static Telemed.GoogleMeet.IntegrationTests.Infrastructure.MeetClinics;

namespace Telemed.GoogleMeet.IntegrationTests;

/// <summary>Connecting a host's Google account through OAuth with PKCE against the sandbox over HTTP, and losing it again.</summary>
public sealed class GoogleConnectionShould(GoogleHostFixture fixture) : IClassFixture<GoogleHostFixture>
{
    private TestHost Host => fixture.Host;
    private GoogleSandbox Sandbox => fixture.Sandbox;

    [Fact]
    public async Task AskForOfflineCalendarAccessWithPkceAndKeepTheTokensEncrypted()
    {
        var clinic = await CreateAsync(Host, connect: false);

        var authorize = await StartConnectAsync(clinic);
        var query = QueryOf(authorize);
        Assert.EndsWith("/sandbox/google/o/oauth2/v2/auth", authorize.AbsolutePath);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal("consent", query["prompt"]);
        Assert.Equal(["openid", "email", "https://www.googleapis.com/auth/calendar.events"], query["scope"].ToString().Split(' '));
        Assert.EndsWith($"{clinic.PathBase}/google/callback", query["redirect_uri"]);
        var landed = await clinic.HostClient.GetAsync(await ConsentAsync(authorize, clinic.GoogleUser));

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
        Assert.Equal(clinic.GoogleUser, page.QuerySelector("[data-testid=google-meet-account]")?.TextContent);
        Assert.Contains("Disconnect Google Meet", page.Body!.TextContent);

        var issued = (await Sandbox.AccountAsync(clinic.GoogleUser)).GetRawText();
        var stored = await InClinicAsync(Host, clinic, db => db.Connections.AsNoTracking().SingleAsync());
        Assert.Equal("connected", stored.Status);
        Assert.Contains("calendar.events", stored.Scopes);
        Assert.DoesNotContain("ya29.", stored.ProtectedAccessToken);
        Assert.DoesNotContain("1//", stored.ProtectedRefreshToken);
        Assert.Contains(clinic.GoogleUser, issued);
    }

    [Fact]
    public async Task StayDisconnectedAndSayWhyWhenTheCalendarScopeIsUnticked()
    {
        var clinic = await CreateAsync(Host, connect: false);

        var landed = await ConnectAsync(clinic, untickCalendar: true);

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
        Assert.Contains("needs access to your calendar events", page.Body!.TextContent);
        Assert.Contains("Connect Google Meet", page.Body.TextContent);
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
        Assert.Equal(1, await Sandbox.CountRequestsAsync(clinic.GoogleUser, "google.oauth.revoke"));
    }

    [Fact]
    public async Task StayDisconnectedWhenTheUserDeniesAccess()
    {
        var clinic = await CreateAsync(Host, connect: false);

        await ConnectAsync(clinic, decision: "deny");

        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
        Assert.Contains("Google Meet access was not granted", page.Body!.TextContent);
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    /// <summary>
    /// A connect started from the host's own schedule page comes back there; a return address off the site (another
    /// host, protocol-relative, backslashed, absolute) is ignored and the callback lands on the connections page.
    /// </summary>
    [Theory]
    [InlineData("/admin/my-schedule", "/admin/my-schedule")]
    [InlineData("//evil.example/phish", "/meetings/connections")]
    [InlineData("/\\evil.example/phish", "/meetings/connections")]
    [InlineData("https://evil.example/phish", "/meetings/connections")]
    public async Task ReturnToThePageTheConnectStartedFromOnlyOnThisSite(string returnUrl, string landsOn)
    {
        var clinic = await CreateAsync(Host, connect: false);
        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
        var token = page.QuerySelector($"section[data-provider={Provider}] form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var started = await clinic.HostClient.PostAsync(
            $"{clinic.PathBase}/meetings/connections?handler=Connect&provider={Provider}&returnUrl={Uri.EscapeDataString(returnUrl)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var landed = await clinic.HostClient.GetAsync(await ConsentAsync(started.Headers.Location!, clinic.GoogleUser));

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal(clinic.PathBase + landsOn, landed.Headers.Location!.ToString());
        Assert.Equal("connected", (await InClinicAsync(Host, clinic, db => db.Connections.SingleAsync())).Status);
    }

    [Fact]
    public async Task RefuseACallbackWhoseStateWasAlreadyUsedOrAltered()
    {
        var clinic = await CreateAsync(Host, connect: false);
        var callback = await ConsentAsync(await StartConnectAsync(clinic), clinic.GoogleUser);
        await clinic.HostClient.GetAsync(callback);
        await InClinicAsync(Host, clinic, db => db.Connections.ExecuteDeleteAsync());

        await clinic.HostClient.GetAsync(callback);
        await clinic.HostClient.GetAsync(callback.ToString().Replace("state=", "state=x"));

        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task RefuseACallbackForAnotherClinic()
    {
        var clinic = await CreateAsync(Host, connect: false);
        var other = await CreateAsync(Host, connect: false);
        var callback = await ConsentAsync(await StartConnectAsync(clinic), clinic.GoogleUser);

        // The other clinic's host carries the first clinic's code and state to their own clinic's callback.
        var forged = await other.HostClient.GetAsync($"{other.PathBase}/google/callback{callback.Query}");

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(0, await InClinicAsync(Host, other, db => db.Connections.CountAsync()));
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task RevokeAtGoogleAndDeleteTheTokensOnDisconnect()
    {
        var clinic = await CreateAsync(Host);

        var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
        var response = await clinic.HostClient.SubmitFormAsync(page, $"{clinic.PathBase}/meetings/connections", new Dictionary<string, string>(),
            handler: "Disconnect", formSelector: $"section[data-provider={Provider}] form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await InClinicAsync(Host, clinic, db => db.Connections.CountAsync()));
        Assert.Equal(1, await Sandbox.CountRequestsAsync(clinic.GoogleUser, "google.oauth.revoke"));
        var grants = (await Sandbox.AccountAsync(clinic.GoogleUser)).GetRawText();
        Assert.Contains("revoked", grants);
    }

    [Fact]
    public async Task RefreshAnExpiredAccessTokenAndKeepTheSameRefreshToken()
    {
        var clinic = await CreateAsync(Host);
        var before = await InClinicAsync(Host, clinic, db => db.Connections.AsNoTracking().SingleAsync());
        await Sandbox.PostAsync($"google/accounts/{clinic.GoogleUser}/tokens/expire");

        var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(2));
        await PublishAsync(Host, clinic, booked);

        await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
        var after = await InClinicAsync(Host, clinic, db => db.Connections.AsNoTracking().SingleAsync());
        Assert.Equal("connected", after.Status);
        Assert.NotEqual(before.ProtectedAccessToken, after.ProtectedAccessToken);
        Assert.Equal(1, await Sandbox.CountRequestsAsync(clinic.GoogleUser, "google.oauth.token") - 1);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("testing-app-expiry")]
    public async Task MarkTheConnectionLostAndOfferReconnectWhenGoogleAnswersInvalidGrant(string cause)
    {
        var clinic = await CreateAsync(Host);
        if (cause == "revoked")
        {
            await Sandbox.PostAsync($"google/accounts/{clinic.GoogleUser}/tokens/revoke");
        }
        else
        {
            // An app whose consent screen is in Testing: its refresh tokens die seven days after they were issued.
            await Sandbox.SendAsync(HttpMethod.Put, "google/app", new { publishing_status = "testing" });
            await Sandbox.PostAsync($"google/accounts/{clinic.GoogleUser}/tokens/age?days=8");
            await Sandbox.PostAsync($"google/accounts/{clinic.GoogleUser}/tokens/expire");
        }

        try
        {
            var booked = Appointment(clinic, DateTimeOffset.UtcNow.AddDays(1));
            await PublishAsync(Host, clinic, booked);

            var failed = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "failed");
            Assert.Contains("connection was lost", failed!.LastError);
            var connection = await InClinicAsync(Host, clinic, db => db.Connections.AsNoTracking().SingleAsync());
            Assert.Equal("lost", connection.Status);
            Assert.Null(connection.ProtectedRefreshToken);
            var page = await clinic.HostClient.GetPageAsync($"{clinic.PathBase}/meetings/connections");
            Assert.Contains("Reconnect Google Meet", page.Body!.TextContent);
            var staffTold = await Waiting.ForAsync(() => Host.InTenantAsync(clinic.Tenant, async services =>
                (await services.GetRequiredService<MessageLog>().SearchAsync(new MessageSearch(Channel: "email")))
                    .FirstOrDefault(m => m.Template == "meetingfailed.staff.email")), m => m is not null, _ => "not logged yet", "the staff's meeting-failed e-mail");
            Assert.Contains("connection was lost", staffTold!.Body);

            if (cause != "revoked")
            {
                await Sandbox.SendAsync(HttpMethod.Put, "google/app", new { publishing_status = "production" });
            }

            Assert.Equal(HttpStatusCode.Redirect, (await ConnectAsync(clinic)).StatusCode);
            var created = await SettledMeetingAsync(Host, clinic, booked.SlotKey, "created");
            Assert.Single(await Sandbox.LiveEventsAsync(clinic.GoogleUser));
            Assert.NotNull(created!.JoinUrl);
        }
        finally
        {
            await Sandbox.SendAsync(HttpMethod.Put, "google/app", new { publishing_status = "production" });
        }
    }
}
