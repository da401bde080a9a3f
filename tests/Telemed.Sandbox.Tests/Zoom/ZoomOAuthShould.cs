using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Zoom;

public sealed class ZoomOAuthShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private ZoomApi Zoom => fixture.Server.Zoom;

    [Fact]
    public async Task RenderAnAccessibleConsentFormWithAllowAndDeny()
    {
        using var response = await Zoom.GetConsentPageAsync(ZoomApi.NewVerifier());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        var form = document.QuerySelector("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.False(string.IsNullOrEmpty(form.QuerySelector("input[name=nonce]")!.GetAttribute("value")));
        var userField = form.QuerySelector("input[name=user]")!;
        Assert.NotNull(document.QuerySelector($"label[for={userField.Id}]"));
        var buttons = form.QuerySelectorAll("button[type=submit]").Select(b => (b.TextContent.Trim(), b.GetAttribute("value"))).ToList();
        Assert.Contains(("Allow", "allow"), buttons);
        Assert.Contains(("Deny", "deny"), buttons);
        Assert.Contains(form.QuerySelectorAll("datalist option"), o => o.GetAttribute("value") == "dr.alice@sandbox.test");
    }

    [Fact]
    public async Task RedirectWithCodeAndStateWhenAllowed()
    {
        using var response = await Zoom.AnswerConsentAsync(TestJson.NewUser(), ZoomApi.NewVerifier(), "allow", state: "signed-state-42");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(ZoomApi.RedirectUri + "?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.False(string.IsNullOrEmpty(query["code"]));
        Assert.Equal("signed-state-42", query["state"]);
    }

    [Fact]
    public async Task RedirectWithAccessDeniedWhenDenied()
    {
        var user = TestJson.NewUser();
        using var response = await Zoom.AnswerConsentAsync(user, ZoomApi.NewVerifier(), "deny", state: "s-9");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("s-9", query["state"]);
        Assert.False(query.ContainsKey("code"));
        var account = await Server.GetControlAsync($"zoom/accounts/{user}");
        Assert.Equal(1, account.GetProperty("tokens").GetProperty("consents_denied").GetInt32());
    }

    [Theory]
    [InlineData("wrongClient", ZoomApi.RedirectUri, "Invalid client_id")]
    [InlineData(ZoomApi.ClientId, "https://evil.example/callback", "allow list")]
    [InlineData(ZoomApi.ClientId, "http://localhost:5000/zoom/callback#fragment", "allow list")]
    [InlineData(ZoomApi.ClientId, "http://demo.localhost.evil.example/zoom/callback", "allow list")]
    public async Task RefuseUnknownClientOrRedirectUriWithoutRedirecting(string clientId, string redirectUri, string message)
    {
        using var response = await Server.Http.GetAsync(Zoom.AuthorizeUrl(ZoomApi.NewVerifier(), clientId: clientId, redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A clinic's own name under .localhost (the demo's demo.localhost) is loopback, like localhost itself.</summary>
    [Theory]
    [InlineData("http://demo.localhost:5000/zoom/callback")]
    [InlineData("http://127.0.0.1:41477/zoom/callback")]
    public async Task ShowTheConsentPageForALoopbackRedirect(string redirectUri)
    {
        using var response = await Server.Http.GetAsync(Zoom.AuthorizeUrl(ZoomApi.NewVerifier(), redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign in as (sandbox Zoom user e-mail)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AcceptACodeWithoutPkceUnlessPkceIsRequired()
    {
        var code = await Zoom.GetCodeAsync(TestJson.NewUser(), verifier: null);
        using var exchanged = await Zoom.ExchangeAsync(code, verifier: null);
        await using var strict = await SandboxServer.StartAsync(options => options.Zoom.RequirePkce = true);

        using var refused = await strict.Zoom.GetConsentPageAsync(verifier: null, state: "s-1");

        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var query = QueryHelpers.ParseQuery(refused.Headers.Location!.Query);
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("s-1", query["state"]);
    }

    [Fact]
    public async Task AcceptConsentOnlyOnceForTheSameNonce()
    {
        using var page = await Zoom.GetConsentPageAsync(ZoomApi.NewVerifier());
        var nonce = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("input[name=nonce]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["nonce"] = nonce, ["user"] = TestJson.NewUser(), ["decision"] = "allow" };

        using var first = await Server.Http.PostAsync(new Uri(Zoom.Base, "oauth/authorize"), new FormUrlEncodedContent(form));
        using var second = await Server.Http.PostAsync(new Uri(Zoom.Base, "oauth/authorize"), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task ExchangeTheCodeWhenTheVerifierMatches()
    {
        var verifier = ZoomApi.NewVerifier();
        var code = await Zoom.GetCodeAsync(TestJson.NewUser(), verifier);

        using var response = await Zoom.ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.Contains("meeting:write:meeting", json.GetProperty("scope").GetString()!.Split(' '));
        Assert.NotEqual(json.GetProperty("access_token").GetString(), json.GetProperty("refresh_token").GetString());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("missing")]
    [InlineData("another-valid-verifier")]
    public async Task RefuseTheCodeWhenTheVerifierDoesNotMatch(string kind)
    {
        var verifier = ZoomApi.NewVerifier();
        var code = await Zoom.GetCodeAsync(TestJson.NewUser(), verifier);
        var presented = kind switch { "wrong" => "short", "missing" => null, _ => ZoomApi.NewVerifier() };

        using var refused = await Zoom.ExchangeAsync(code, presented);
        using var retried = await Zoom.ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await refused.ReadJsonAsync()).GetProperty("error").GetString());
        // A code is single-use: the failed attempt burned it.
        Assert.Equal(HttpStatusCode.BadRequest, retried.StatusCode);
    }

    [Fact]
    public async Task RefuseACodeUsedTwiceOrWithAnotherRedirectUri()
    {
        var verifier = ZoomApi.NewVerifier();
        var code = await Zoom.GetCodeAsync(TestJson.NewUser(), verifier);
        using var first = await Zoom.ExchangeAsync(code, verifier);
        using var second = await Zoom.ExchangeAsync(code, verifier);

        var otherCode = await Zoom.GetCodeAsync(TestJson.NewUser(), verifier);
        using var otherRedirect = await Zoom.ExchangeAsync(otherCode, verifier, "http://localhost:5000/other");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("invalid_grant", (await second.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal("invalid_grant", (await otherRedirect.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefuseWrongClientCredentials()
    {
        using var response = await Zoom.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "x" }, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task RotateTheRefreshTokenAndRefuseTheOldOne()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        using var refreshed = await Zoom.RefreshAsync(tokens.RefreshToken);
        var rotated = await ZoomTokens.ReadAsync(refreshed);
        using var reused = await Zoom.RefreshAsync(tokens.RefreshToken);
        using var next = await Zoom.RefreshAsync(rotated.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(tokens.RefreshToken, rotated.RefreshToken);
        Assert.NotEqual(tokens.AccessToken, rotated.AccessToken);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        var error = await reused.ReadJsonAsync();
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Equal("Invalid Token!", error.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task LetOnlyOneOfConcurrentRefreshesWithTheSameTokenWin()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Zoom.RefreshAsync(tokens.RefreshToken)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task CountTheRefreshCallsThatReachedTheTokenEndpoint()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);
        using (var ok = await Zoom.RefreshAsync(tokens.RefreshToken))
        using (var stale = await Zoom.RefreshAsync(tokens.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        }

        var stats = (await Server.GetControlAsync($"zoom/accounts/{user}")).GetProperty("tokens");

        Assert.Equal(1, stats.GetProperty("code_exchanges").GetInt32());
        Assert.Equal(2, stats.GetProperty("refresh_requests").GetInt32());
        Assert.Equal(1, stats.GetProperty("refreshes").GetInt32());
        Assert.Equal(1, stats.GetProperty("refresh_failures").GetInt32());
        Assert.Equal(2, stats.GetProperty("access_tokens_issued").GetInt32());
    }

    [Fact]
    public async Task MakeTheAccessTokenFailWithZoomsBodyAfterRevoke()
    {
        var tokens = await Zoom.ConnectAsync(TestJson.NewUser());

        using var revoke = await Zoom.RevokeAsync(tokens.AccessToken);
        using var call = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);
        using var refresh = await Zoom.RefreshAsync(tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("success", (await revoke.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, call.StatusCode);
        var error = await call.ReadJsonAsync();
        Assert.Equal(124, error.GetProperty("code").GetInt32());
        Assert.Equal("Invalid access token.", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task SayTheAccessTokenIsExpiredAfterForcedExpiryAndWorkAgainAfterRefresh()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);

        await Server.PostControlAsync($"zoom/accounts/{user}/tokens/expire");
        using var expired = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);
        using var refresh = await Zoom.RefreshAsync(tokens.RefreshToken);
        var fresh = await ZoomTokens.ReadAsync(refresh);
        using var again = await Zoom.SendAsync(HttpMethod.Get, "users/me", fresh.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var error = await expired.ReadJsonAsync();
        Assert.Equal(124, error.GetProperty("code").GetInt32());
        Assert.Equal("Access token is expired.", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task IssueTokensWithTheLifetimeConfiguredForTheAccount()
    {
        var user = TestJson.NewUser();
        await Server.PostControlAsync($"zoom/accounts/{user}/settings", new { TokenLifetimeSeconds = 120 }, HttpMethod.Put);

        var tokens = await Zoom.ConnectAsync(user);

        Assert.Equal(120, tokens.ExpiresIn);
    }

    [Fact]
    public async Task TellWhoConnected()
    {
        var user = TestJson.NewUser();
        var tokens = await Zoom.ConnectAsync(user);

        using var response = await Zoom.SendAsync(HttpMethod.Get, "users/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadJsonAsync();
        Assert.Equal(user, me.GetProperty("email").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(me.GetProperty("account_id").GetString()));
        Assert.Equal("UTC", me.GetProperty("timezone").GetString());
    }

    [Fact]
    public async Task AnswerMissingScopesWith4711()
    {
        var user = TestJson.NewUser();
        await Server.PostControlAsync($"zoom/accounts/{user}/settings",
            new { Scopes = "meeting:write:meeting meeting:read:meeting user:read:user" }, HttpMethod.Put);
        var tokens = await Zoom.ConnectAsync(user);
        var meeting = await Zoom.CreateMeetingAsync(tokens.AccessToken);

        using var end = await Zoom.SendAsync(HttpMethod.Put, $"meetings/{meeting.GetProperty("id").GetInt64()}/status", tokens.AccessToken, new { Action = "end" });

        Assert.Equal(HttpStatusCode.BadRequest, end.StatusCode);
        var error = await end.ReadJsonAsync();
        Assert.Equal(4711, error.GetProperty("code").GetInt32());
        Assert.Contains("meeting:update:status", error.GetProperty("message").GetString());
    }
}
