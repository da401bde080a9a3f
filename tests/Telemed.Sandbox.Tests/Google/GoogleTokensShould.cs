using System.Net;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

/// <summary>The token endpoint after consent: refresh without rotation, revocation, the testing client's seven days, client credentials, id_token and userinfo.</summary>
public sealed class GoogleTokensShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private GoogleApi Google => fixture.Server.Google;

    [Fact]
    public async Task RefreshWithoutRotatingTheRefreshToken()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);

        using var first = await Google.RefreshAsync(tokens.RefreshToken!);
        using var second = await Google.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (a, b) = (await GoogleTokens.ReadAsync(first), await GoogleTokens.ReadAsync(second));
        Assert.Null(a.RefreshToken);
        Assert.Null(b.RefreshToken);
        Assert.NotEqual(a.AccessToken, b.AccessToken);
        Assert.Equal(tokens.Scope, a.Scope);
        var counters = (await Server.GetControlAsync($"google/accounts/{user}")).GetProperty("tokens");
        Assert.Equal(2, counters.GetProperty("refreshes").GetInt32());
        Assert.Equal(3, counters.GetProperty("token_requests").GetInt32());
    }

    [Theory]
    [InlineData("access")]
    [InlineData("refresh")]
    public async Task EndTheWholeGrantWhenEitherTokenIsRevoked(string which)
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);
        using var refreshed = await Google.RefreshAsync(tokens.RefreshToken!);
        var second = await GoogleTokens.ReadAsync(refreshed);

        using var revoked = await Google.RevokeAsync(which == "access" ? tokens.AccessToken : tokens.RefreshToken!);
        using var refresh = await Google.RefreshAsync(tokens.RefreshToken!);
        using var call = await Google.SendAsync(HttpMethod.Get, "calendars/primary/events", second.AccessToken);
        using var again = await Google.RevokeAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        var error = await refresh.ReadJsonAsync();
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Equal("Token has been expired or revoked.", error.GetProperty("error_description").GetString());
        await GoogleApi.AssertGoogleErrorAsync(call, HttpStatusCode.Unauthorized, "authError");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_token", (await again.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ExpireRefreshTokensOfATestingClientAfterSevenDays()
    {
        await using var server = await SandboxServer.StartAsync();
        await server.PostControlAsync("google/app", new { PublishingStatus = "testing" }, HttpMethod.Put);
        var user = TestJson.NewUser();
        var tokens = await server.Google.ConnectAsync(user);

        await server.PostControlAsync($"google/accounts/{user}/tokens/age?days=6");
        using var withinTheWeek = await server.Google.RefreshAsync(tokens.RefreshToken!);
        await server.PostControlAsync($"google/accounts/{user}/tokens/age?days=2");
        using var afterTheWeek = await server.Google.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(7 * 24 * 3600, tokens.Json.GetProperty("refresh_token_expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.OK, withinTheWeek.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterTheWeek.StatusCode);
        var error = await afterTheWeek.ReadJsonAsync();
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Equal("Token has been expired or revoked.", error.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task KeepRefreshTokensOfAProductionClient()
    {
        var user = TestJson.NewUser();
        var tokens = await Google.ConnectAsync(user);

        await Server.PostControlAsync($"google/accounts/{user}/tokens/age?days=400");
        using var refreshed = await Google.RefreshAsync(tokens.RefreshToken!);

        Assert.False(tokens.Json.TryGetProperty("refresh_token_expires_in", out _));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Theory]
    [InlineData(GoogleApi.ClientId, "wrong-secret", false, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData(GoogleApi.ClientId, "wrong-secret", true, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("other.apps.googleusercontent.com", GoogleApi.ClientSecret, false, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("", GoogleApi.ClientSecret, false, HttpStatusCode.BadRequest, "invalid_request")]
    public async Task RefuseWrongClientCredentials(string clientId, string secret, bool basic, HttpStatusCode status, string error)
    {
        var tokens = await Google.ConnectAsync(TestJson.NewUser());

        using var response = await Google.TokenAsync(
            new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! }, clientId, secret, basic);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task AcceptClientCredentialsWithHttpBasicToo()
    {
        var verifier = GoogleApi.NewVerifier();
        var code = (await Google.ConsentAsync(TestJson.NewUser(), new GoogleAuthorize { Verifier = verifier }))["code"];

        using var response = await Google.ExchangeAsync(code, verifier, basic: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefuseAnUnsupportedGrantType()
    {
        using var response = await Google.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task IssueAnIdTokenOnlyWhenOpenIdIsGranted()
    {
        var user = TestJson.NewUser();
        var withOpenId = await Google.ConnectAsync(user, "openid email " + GoogleApi.CalendarEvents);
        var withoutOpenId = await Google.ConnectAsync(TestJson.NewUser(), GoogleApi.CalendarEvents);

        var claims = withOpenId.IdTokenClaims();
        var account = await Server.GetControlAsync($"google/accounts/{user}");
        Assert.Equal(3, withOpenId.IdToken!.Split('.').Length);
        Assert.Equal(account.GetProperty("id").GetString(), claims.GetProperty("sub").GetString());
        Assert.Equal(user, claims.GetProperty("email").GetString());
        Assert.Equal(GoogleApi.ClientId, claims.GetProperty("aud").GetString());
        Assert.Null(withoutOpenId.IdToken);
    }

    [Fact]
    public async Task TellWhoConnectedOnUserInfo()
    {
        var user = "dr.userinfo." + Guid.NewGuid().ToString("N")[..8] + "@sandbox.test";
        var tokens = await Google.ConnectAsync(user, "openid email profile " + GoogleApi.CalendarEvents);
        var account = await Server.GetControlAsync($"google/accounts/{user}");

        using var response = await Server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Google.Base, "oauth2/v3/userinfo"))
        {
            Headers = { Authorization = new("Bearer", tokens.AccessToken) },
        });
        using var refused = await Server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Google.Base, "oauth2/v3/userinfo"))
        {
            Headers = { Authorization = new("Bearer", "ya29.not-a-token") },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = await response.ReadJsonAsync();
        Assert.Equal(account.GetProperty("id").GetString(), info.GetProperty("sub").GetString());
        Assert.Equal(user, info.GetProperty("email").GetString());
        Assert.True(info.GetProperty("email_verified").GetBoolean());
        Assert.Equal(account.GetProperty("name").GetString(), info.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
