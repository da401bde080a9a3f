using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Telemed.Sandbox.Tests.Infrastructure;

/// <summary>What the product's Zoom client does over HTTP, written plainly so tests read like the contract.</summary>
public sealed partial class ZoomApi(HttpClient http, Uri zoomBase)
{
    public const string ClientId = "sandboxClientId123";
    public const string ClientSecret = "sandboxClientSecret456";
    public const string RedirectUri = "http://localhost:5000/zoom/callback";

    public Uri Base => zoomBase;

    public static string NewVerifier() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string ChallengeOf(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string AuthorizeUrl(string? verifier, string state = "state-1", string clientId = ClientId, string redirectUri = RedirectUri)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["state"] = state,
        };
        if (verifier is not null)
        {
            query["code_challenge"] = ChallengeOf(verifier);
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString(new Uri(zoomBase, "oauth/authorize").ToString(), query);
    }

    public Task<HttpResponseMessage> GetConsentPageAsync(string? verifier, string state = "state-1") => http.GetAsync(AuthorizeUrl(verifier, state));

    /// <summary>Opens the consent page, picks the user and presses a button; returns the response (a redirect when it worked).</summary>
    public async Task<HttpResponseMessage> AnswerConsentAsync(string email, string? verifier, string decision = "allow", string state = "state-1")
    {
        using var page = await GetConsentPageAsync(verifier, state);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var nonce = NonceField().Match(html).Groups[1].Value;
        return await http.PostAsync(new Uri(zoomBase, "oauth/authorize"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["nonce"] = nonce,
            ["user"] = email,
            ["decision"] = decision,
        }));
    }

    public async Task<string> GetCodeAsync(string email, string? verifier)
    {
        using var response = await AnswerConsentAsync(email, verifier);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        return query["code"].ToString();
    }

    public Task<HttpResponseMessage> TokenAsync(IDictionary<string, string> form, string clientSecret = ClientSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(zoomBase, "oauth/token")) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{clientSecret}")));
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier, string redirectUri = RedirectUri)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        return TokenAsync(form);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public Task<HttpResponseMessage> RevokeAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(zoomBase, "oauth/revoke"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")));
        return http.SendAsync(request);
    }

    /// <summary>The whole connect dance: consent as <paramref name="email"/>, then exchange the code with PKCE.</summary>
    public async Task<ZoomTokens> ConnectAsync(string email)
    {
        var verifier = NewVerifier();
        var code = await GetCodeAsync(email, verifier);
        using var response = await ExchangeAsync(code, verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ZoomTokens.ReadAsync(response);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(zoomBase, "v2/" + path.TrimStart('/')))
        {
            Content = body switch
            {
                null => null,
                string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body, options: TestJson.SnakeCase),
            },
        };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http.SendAsync(request);
    }

    public async Task<JsonElement> CreateMeetingAsync(string accessToken, object? body = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "users/me/meetings", accessToken, body ?? ScheduledMeeting());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static object ScheduledMeeting(string topic = "Video consultation") => new
    {
        Topic = topic,
        Type = 2,
        StartTime = "2030-12-03T14:30:00Z",
        Duration = 30,
        Timezone = "Europe/Madrid",
        Agenda = "Follow-up consultation",
        Password = "k7Rq2mXp",
        Settings = new { HostVideo = true, ParticipantVideo = true, JoinBeforeHost = false, MuteUponEntry = true, WaitingRoom = true, ApprovalType = 2, Audio = "voip", AutoRecording = "none" },
    };

    [GeneratedRegex("name=\"nonce\" value=\"([^\"]+)\"")]
    private static partial Regex NonceField();
}

public sealed record ZoomTokens(string AccessToken, string RefreshToken, int ExpiresIn, string Scope, string TokenType)
{
    public static async Task<ZoomTokens> ReadAsync(HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        return new ZoomTokens(
            json.GetProperty("access_token").GetString()!,
            json.GetProperty("refresh_token").GetString()!,
            json.GetProperty("expires_in").GetInt32(),
            json.GetProperty("scope").GetString()!,
            json.GetProperty("token_type").GetString()!);
    }
}
