using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;

namespace Telemed.Sandbox.Tests.Infrastructure;

/// <summary>What the product's Google client does over HTTP, written plainly so tests read like the contract.</summary>
public sealed class GoogleApi(HttpClient http, Uri googleBase)
{
    public const string ClientId = "sandbox-telemed.apps.googleusercontent.com";
    public const string ClientSecret = "sandboxGoogleSecret456";
    public const string RedirectUri = "http://localhost:5000/google/callback";
    public const string CalendarEvents = "https://www.googleapis.com/auth/calendar.events";
    public const string CalendarReadonly = "https://www.googleapis.com/auth/calendar.readonly";
    public const string UserInfoEmail = "https://www.googleapis.com/auth/userinfo.email";
    public const string UserInfoProfile = "https://www.googleapis.com/auth/userinfo.profile";
    public const string DefaultScope = "openid email " + CalendarEvents;

    private static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web);

    public Uri Base => googleBase;

    public static string NewVerifier() => ZoomApi.NewVerifier();

    /// <summary>A client-chosen event id in Google's alphabet (base32hex): a GUID's hex digits are all in it.</summary>
    public static string NewEventId() => "tms" + Guid.NewGuid().ToString("N");

    public string AuthorizeUrl(GoogleAuthorize request)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = request.ClientId,
            ["redirect_uri"] = request.RedirectUri,
            ["response_type"] = request.ResponseType,
            ["scope"] = request.Scope,
            ["state"] = request.State,
            ["access_type"] = request.Offline ? "offline" : null,
            ["prompt"] = request.PromptConsent ? "consent" : null,
            ["include_granted_scopes"] = request.IncludeGrantedScopes ? "true" : null,
            ["login_hint"] = request.LoginHint,
        };
        if (request.Verifier is { } verifier)
        {
            query["code_challenge"] = request.ChallengeMethod == "plain" ? verifier : ZoomApi.ChallengeOf(verifier);
            query["code_challenge_method"] = request.ChallengeMethod;
        }

        return QueryHelpers.AddQueryString(new Uri(googleBase, "o/oauth2/v2/auth").ToString(), query.Where(p => p.Value is not null));
    }

    public Task<HttpResponseMessage> GetConsentPageAsync(GoogleAuthorize request) => http.GetAsync(AuthorizeUrl(request));

    /// <summary>Opens the consent page, chooses the account, unticks <paramref name="untick"/> and presses a button.</summary>
    public async Task<HttpResponseMessage> AnswerConsentAsync(string email, GoogleAuthorize request, string decision = "allow", params string[] untick)
    {
        using var page = await GetConsentPageAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = new List<KeyValuePair<string, string>>
        {
            new("nonce", document.QuerySelector("input[name=nonce]")!.GetAttribute("value")!),
            new("email", email),
            new("decision", decision),
        };
        form.AddRange(document.QuerySelectorAll("input[type=checkbox][name=scope][checked]")
            .Select(box => box.GetAttribute("value")!)
            .Where(scope => !untick.Contains(scope))
            .Select(scope => new KeyValuePair<string, string>("scope", scope)));
        return await http.PostAsync(new Uri(googleBase, "o/oauth2/v2/auth"), new FormUrlEncodedContent(form));
    }

    /// <summary>Consents and returns the redirect's query (code, state, scope).</summary>
    public async Task<Dictionary<string, string>> ConsentAsync(string email, GoogleAuthorize request, params string[] untick)
    {
        using var response = await AnswerConsentAsync(email, request, "allow", untick);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<HttpResponseMessage> TokenAsync(IDictionary<string, string> form, string clientId = ClientId, string clientSecret = ClientSecret, bool basic = false)
    {
        var fields = new Dictionary<string, string>(form);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(googleBase, "token"));
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        }
        else
        {
            fields["client_id"] = clientId;
            fields["client_secret"] = clientSecret;
        }

        request.Content = new FormUrlEncodedContent(fields);
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier, string redirectUri = RedirectUri, bool basic = false)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        return TokenAsync(form, basic: basic);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public Task<HttpResponseMessage> RevokeAsync(string token) =>
        http.PostAsync(new Uri(googleBase, "revoke"), new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));

    /// <summary>The whole connect dance: consent as <paramref name="email"/> (all scopes ticked), then exchange the code with PKCE.</summary>
    public async Task<GoogleTokens> ConnectAsync(string email, string scope = DefaultScope, bool offline = true, bool promptConsent = false)
    {
        var verifier = NewVerifier();
        var redirect = await ConsentAsync(email, new GoogleAuthorize { Verifier = verifier, Scope = scope, Offline = offline, PromptConsent = promptConsent });
        using var response = await ExchangeAsync(redirect["code"], verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await GoogleTokens.ReadAsync(response);
    }

    /// <summary>A Calendar API call; <paramref name="path"/> is relative to <c>calendar/v3/</c>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(googleBase, "calendar/v3/" + path.TrimStart('/')))
        {
            Content = body switch
            {
                null => null,
                string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body, options: Camel),
            },
        };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return http.SendAsync(request);
    }

    public async Task<JsonElement> InsertEventAsync(string accessToken, object body, string query = "conferenceDataVersion=1&sendUpdates=none")
    {
        using var response = await SendAsync(HttpMethod.Post, $"calendars/primary/events?{query}", accessToken, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"insert: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public async Task<JsonElement> GetEventAsync(string accessToken, string eventId)
    {
        using var response = await SendAsync(HttpMethod.Get, $"calendars/primary/events/{eventId}", accessToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"get: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>The event the product makes for an appointment: Meet requested, times with offsets, one patient, its ids in private properties.</summary>
    public static Dictionary<string, object?> MeetEvent(string? id = null, string requestId = "appt-1-v1", string start = "2030-12-03T15:30:00+01:00",
        string end = "2030-12-03T16:00:00+01:00", string appointmentId = "a-1", string patient = "patient@example.org")
    {
        var body = new Dictionary<string, object?>
        {
            ["summary"] = "Video consultation – Dr. Rivera",
            ["description"] = "Follow-up consultation",
            ["start"] = new { DateTime = start, TimeZone = "Europe/Madrid" },
            ["end"] = new { DateTime = end, TimeZone = "Europe/Madrid" },
            ["attendees"] = new[] { new { Email = patient, DisplayName = "Ana Patient" } },
            ["reminders"] = new { UseDefault = true },
            ["extendedProperties"] = new { Private = new Dictionary<string, string> { ["tenantId"] = "clinic-42", ["appointmentId"] = appointmentId } },
            ["conferenceData"] = new { CreateRequest = new { RequestId = requestId, ConferenceSolutionKey = new { Type = "hangoutsMeet" } } },
        };
        if (id is not null)
        {
            body["id"] = id;
        }

        return body;
    }

    public static async Task AssertGoogleErrorAsync(HttpResponseMessage response, HttpStatusCode status, string reason, string? domain = "global")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {reason}, got {(int)response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        var first = error.GetProperty("errors")[0];
        Assert.Equal(reason, first.GetProperty("reason").GetString());
        if (domain is not null)
        {
            Assert.Equal(domain, first.GetProperty("domain").GetString());
        }

        Assert.False(string.IsNullOrEmpty(first.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }
}

/// <summary>The parameters of an authorization request; the defaults are what the product sends.</summary>
public sealed record GoogleAuthorize
{
    public string? Verifier { get; init; } = GoogleApi.NewVerifier();
    public string ChallengeMethod { get; init; } = "S256";
    public string State { get; init; } = "state-1";
    public string Scope { get; init; } = GoogleApi.DefaultScope;
    public bool Offline { get; init; } = true;
    public bool PromptConsent { get; init; }
    public bool IncludeGrantedScopes { get; init; }
    public string? LoginHint { get; init; }
    public string ClientId { get; init; } = GoogleApi.ClientId;
    public string RedirectUri { get; init; } = GoogleApi.RedirectUri;
    public string ResponseType { get; init; } = "code";
}

public sealed record GoogleTokens(string AccessToken, string? RefreshToken, int ExpiresIn, string Scope, string TokenType, string? IdToken, JsonElement Json)
{
    public static async Task<GoogleTokens> ReadAsync(HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        string? Optional(string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new GoogleTokens(
            json.GetProperty("access_token").GetString()!,
            Optional("refresh_token"),
            json.GetProperty("expires_in").GetInt32(),
            json.GetProperty("scope").GetString()!,
            json.GetProperty("token_type").GetString()!,
            Optional("id_token"),
            json);
    }

    /// <summary>The claims of the id_token's payload.</summary>
    public JsonElement IdTokenClaims()
    {
        var payload = IdToken!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }
}
