using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Telemed.Sandbox.Tests.Infrastructure;

namespace Telemed.Sandbox.Tests.Google;

public sealed class GoogleOAuthShould(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxServer Server => fixture.Server;
    private GoogleApi Google => fixture.Server.Google;

    [Fact]
    public async Task RenderAnAccessibleConsentPageWithATickBoxPerScopeAndAllowAndDeny()
    {
        using var response = await Google.GetConsentPageAsync(new GoogleAuthorize { LoginHint = "dr.bob@sandbox.test" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        var form = document.QuerySelector("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        var email = form.QuerySelector("input[name=email]")!;
        Assert.NotNull(document.QuerySelector($"label[for={email.Id}]"));
        Assert.Equal("dr.bob@sandbox.test", email.GetAttribute("value"));
        Assert.Contains(form.QuerySelectorAll("datalist option"), o => o.GetAttribute("value") == "dr.alice@sandbox.test");
        var box = form.QuerySelector($"input[type=checkbox][value='{GoogleApi.CalendarEvents}']")!;
        Assert.True(box.HasAttribute("checked"));
        Assert.NotNull(document.QuerySelector($"label[for={box.Id}]"));
        Assert.NotNull(form.QuerySelector("fieldset legend"));
        var buttons = form.QuerySelectorAll("button[type=submit]").Select(b => (b.TextContent.Trim(), b.GetAttribute("value"))).ToList();
        Assert.Contains(("Allow", "allow"), buttons);
        Assert.Contains(("Deny", "deny"), buttons);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/sandbox")]
    public async Task LinkTheConsentPageToItsStylesheetWhereverTheSandboxIsMounted(string prefix)
    {
        await using var server = await SandboxServer.StartAsync(prefix: prefix);
        var page = new Uri(server.Google.AuthorizeUrl(new GoogleAuthorize()));
        using var response = await server.Http.GetAsync(page);
        var href = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var css = await server.Http.GetAsync(new Uri(page, href));

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{prefix}/google/sandbox.css", new Uri(page, href).AbsolutePath);
    }

    [Fact]
    public async Task RedirectWithStateCodeAndTheGrantedScopeWhenAllowed()
    {
        using var response = await Google.AnswerConsentAsync(TestJson.NewUser(), new GoogleAuthorize { State = "signed-state-42" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(GoogleApi.RedirectUri + "?", response.Headers.Location!.ToString());
        var query = QueryHelpers.ParseQuery(response.Headers.Location.Query);
        Assert.StartsWith("4/", query["code"].ToString());
        Assert.Equal("signed-state-42", query["state"]);
        Assert.Equal(["openid", GoogleApi.UserInfoEmail, GoogleApi.CalendarEvents], query["scope"].ToString().Split(' '));
    }

    [Fact]
    public async Task RedirectWithAccessDeniedWhenDenied()
    {
        var user = TestJson.NewUser();
        using var response = await Google.AnswerConsentAsync(user, new GoogleAuthorize { State = "s-9" }, "deny");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("s-9", query["state"]);
        Assert.False(query.ContainsKey("code"));
        var account = await Server.GetControlAsync($"google/accounts/{user}");
        Assert.Equal(1, account.GetProperty("tokens").GetProperty("consents_denied").GetInt32());
    }

    [Fact]
    public async Task GrantNoCalendarAccessWhenTheUserUnticksTheScope()
    {
        var verifier = GoogleApi.NewVerifier();
        var redirect = await Google.ConsentAsync(TestJson.NewUser(), new GoogleAuthorize { Verifier = verifier }, GoogleApi.CalendarEvents);
        using var exchanged = await Google.ExchangeAsync(redirect["code"], verifier);
        var tokens = await GoogleTokens.ReadAsync(exchanged);

        using var insert = await Google.SendAsync(HttpMethod.Post, "calendars/primary/events?conferenceDataVersion=1", tokens.AccessToken, GoogleApi.MeetEvent());

        Assert.DoesNotContain(GoogleApi.CalendarEvents, redirect["scope"].Split(' '));
        Assert.DoesNotContain(GoogleApi.CalendarEvents, tokens.Scope.Split(' '));
        await GoogleApi.AssertGoogleErrorAsync(insert, HttpStatusCode.Forbidden, "insufficientPermissions");
        var body = await insert.ReadJsonAsync();
        Assert.Equal("Request had insufficient authentication scopes.", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("client", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("redirect", HttpStatusCode.BadRequest, "redirect_uri_mismatch")]
    [InlineData("fragment", HttpStatusCode.BadRequest, "redirect_uri_mismatch")]
    [InlineData("scope", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("unknown-scope", HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("response_type", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("challenge_method", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task AnswerABadRequestOnItsOwnPageWithoutRedirecting(string broken, HttpStatusCode status, string error)
    {
        var request = broken switch
        {
            "client" => new GoogleAuthorize { ClientId = "someone-else.apps.googleusercontent.com" },
            "redirect" => new GoogleAuthorize { RedirectUri = "https://evil.example/callback" },
            "fragment" => new GoogleAuthorize { RedirectUri = GoogleApi.RedirectUri + "#fragment" },
            "scope" => new GoogleAuthorize { Scope = "" },
            "unknown-scope" => new GoogleAuthorize { Scope = "calendar.everything" },
            "response_type" => new GoogleAuthorize { ResponseType = "token" },
            _ => new GoogleAuthorize { ChallengeMethod = "S512" },
        };

        using var response = await Google.GetConsentPageAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(error, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("missing")]
    [InlineData("another-valid-verifier")]
    public async Task RefuseTheCodeWhenThePkceVerifierDoesNotMatchAndBurnIt(string kind)
    {
        var verifier = GoogleApi.NewVerifier();
        var code = (await Google.ConsentAsync(TestJson.NewUser(), new GoogleAuthorize { Verifier = verifier }))["code"];
        var presented = kind switch { "wrong" => "short", "missing" => null, _ => GoogleApi.NewVerifier() };

        using var refused = await Google.ExchangeAsync(code, presented);
        using var retried = await Google.ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await refused.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, retried.StatusCode);
    }

    [Fact]
    public async Task AcceptAPlainPkceChallenge()
    {
        var verifier = GoogleApi.NewVerifier();
        var code = (await Google.ConsentAsync(TestJson.NewUser(), new GoogleAuthorize { Verifier = verifier, ChallengeMethod = "plain" }))["code"];

        using var response = await Google.ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefuseACodeUsedTwiceWithBadRequest()
    {
        var verifier = GoogleApi.NewVerifier();
        var code = (await Google.ConsentAsync(TestJson.NewUser(), new GoogleAuthorize { Verifier = verifier }))["code"];

        using var first = await Google.ExchangeAsync(code, verifier);
        using var second = await Google.ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var error = await second.ReadJsonAsync();
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Equal("Bad Request", error.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task RefuseACodeExchangedWithAnotherRedirectUri()
    {
        var verifier = GoogleApi.NewVerifier();
        var code = (await Google.ConsentAsync(TestJson.NewUser(), new GoogleAuthorize { Verifier = verifier }))["code"];

        using var response = await Google.ExchangeAsync(code, verifier, redirectUri: "http://localhost:5000/other/callback");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("redirect_uri_mismatch", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefuseACodeAfterItExpired()
    {
        var clock = new ManualClock(new DateTimeOffset(2030, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await using var server = await SandboxServer.StartAsync(clock: clock);
        var verifier = GoogleApi.NewVerifier();
        var code = (await server.Google.ConsentAsync(TestJson.NewUser(), new GoogleAuthorize { Verifier = verifier }))["code"];
        clock.Advance(TimeSpan.FromMinutes(11));

        using var response = await server.Google.ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task IssueARefreshTokenOnlyForOfflineAccess()
    {
        var online = await Google.ConnectAsync(TestJson.NewUser(), offline: false);
        var offline = await Google.ConnectAsync(TestJson.NewUser(), offline: true);

        Assert.Null(online.RefreshToken);
        Assert.StartsWith("1//", offline.RefreshToken);
        Assert.StartsWith("ya29.", offline.AccessToken);
        Assert.Equal("Bearer", offline.TokenType);
        Assert.Equal(3599, offline.ExpiresIn);
    }

    [Fact]
    public async Task IssueAnotherRefreshTokenToAnAccountThatAlreadyGrantedOnlyWithPromptConsent()
    {
        var user = TestJson.NewUser();

        var first = await Google.ConnectAsync(user);
        var repeat = await Google.ConnectAsync(user);
        var forced = await Google.ConnectAsync(user, promptConsent: true);
        using var firstStillWorks = await Google.RefreshAsync(first.RefreshToken!);

        Assert.NotNull(first.RefreshToken);
        Assert.Null(repeat.RefreshToken);
        Assert.NotNull(forced.RefreshToken);
        Assert.NotEqual(first.RefreshToken, forced.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, firstStillWorks.StatusCode);
    }

    [Fact]
    public async Task AddPreviouslyGrantedScopesWithIncludeGrantedScopes()
    {
        var user = TestJson.NewUser();
        await Google.ConnectAsync(user, GoogleApi.CalendarEvents);

        var redirect = await Google.ConsentAsync(user, new GoogleAuthorize { Scope = "openid email", IncludeGrantedScopes = true });

        Assert.Contains(GoogleApi.CalendarEvents, redirect["scope"].Split(' '));
        Assert.Contains("openid", redirect["scope"].Split(' '));
    }
}
