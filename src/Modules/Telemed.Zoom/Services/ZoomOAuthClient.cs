using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telemed.Meetings.Providers;

namespace Telemed.Zoom.Services;

/// <summary>Zoom's token endpoint (code exchange with PKCE, refresh) and revoke, with the app's Basic credentials.</summary>
public sealed class ZoomOAuthClient(HttpClient http, ZoomUrls urls, TimeProvider clock)
{
    public Task<OAuthTokens> ExchangeCodeAsync(ZoomApp app, string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        RequestTokensAsync(app, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    /// <summary>Zoom rotates refresh tokens: the answer's refresh token replaces the one sent, which stops working.</summary>
    public Task<OAuthTokens> RefreshAsync(ZoomApp app, string refreshToken, CancellationToken cancellationToken) =>
        RequestTokensAsync(app, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    /// <summary>Revokes the grant. An already-dead token counts as revoked.</summary>
    public async Task RevokeAsync(ZoomApp app, string accessToken, CancellationToken cancellationToken)
    {
        using var request = Request(app, "/oauth/revoke", new Dictionary<string, string> { ["token"] = accessToken });
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode && (int)response.StatusCode >= 500)
        {
            throw new ZoomApiException($"Zoom could not revoke the connection ({(int)response.StatusCode}).", response.StatusCode);
        }
    }

    /// <summary>
    /// Tells Zoom that a deauthorized user's data is gone (the Data Compliance API, on Zoom's API host).
    /// Failures throw <see cref="ZoomApiException"/> so the job retries within Zoom's ten days.
    /// </summary>
    public async Task ReportComplianceAsync(ZoomApp app, JsonElement deauthorization, CancellationToken cancellationToken)
    {
        var body = new
        {
            client_id = app.ClientId,
            user_id = deauthorization.GetProperty("user_id").GetString(),
            account_id = deauthorization.TryGetProperty("account_id", out var account) ? account.GetString() : null,
            deauthorization_event_received = deauthorization,
            compliance_completed = true,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, urls.ApiHost + "/oauth/data/compliance") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = BasicCredentials(app);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ZoomApiException($"Zoom did not accept the data compliance report ({(int)response.StatusCode}): {Truncate(await response.Content.ReadAsStringAsync(cancellationToken))}", response.StatusCode)
            {
                RetryAfter = ZoomApiClient.ReadRetryAfter(response, clock.GetUtcNow()),
            };
        }
    }

    private async Task<OAuthTokens> RequestTokensAsync(ZoomApp app, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = Request(app, "/oauth/token", form);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new ZoomApiException("Zoom's token endpoint answered without a body.", response.StatusCode);
            return new OAuthTokens(body.AccessToken, body.RefreshToken, clock.GetUtcNow().AddSeconds(body.ExpiresIn), body.Scope ?? "");
        }

        var error = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            // A refused grant (revoked, reused or expired refresh token, bad code) will not get better by retrying.
            throw new ZoomConnectionLostException($"Zoom refused the grant ({status}): {Truncate(error)}");
        }

        throw new ZoomApiException($"Zoom's token endpoint failed ({status}): {Truncate(error)}", response.StatusCode)
        {
            RetryAfter = ZoomApiClient.ReadRetryAfter(response, clock.GetUtcNow()),
        };
    }

    private HttpRequestMessage Request(ZoomApp app, string path, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, urls.OAuthBase + path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = BasicCredentials(app);
        return request;
    }

    private static AuthenticationHeaderValue BasicCredentials(ZoomApp app) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{app.ClientId}:{app.ClientSecret}")));

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("scope")] string? Scope);
}
