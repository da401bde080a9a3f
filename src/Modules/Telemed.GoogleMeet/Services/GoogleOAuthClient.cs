using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telemed.GoogleMeet.Models;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Services;

/// <summary>
/// Google's token endpoint (code exchange with PKCE, refresh), revoke and userinfo. Client credentials go in the form
/// body, as Google documents for web-server apps.
/// </summary>
public sealed class GoogleOAuthClient(HttpClient http, GoogleUrls urls, TimeProvider clock)
{
    public Task<TokenAnswer> ExchangeCodeAsync(GoogleApp app, string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        RequestTokensAsync(app, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    /// <summary>Google does not rotate refresh tokens: the answer has a new access token only, and the stored refresh token stays.</summary>
    public Task<TokenAnswer> RefreshAsync(GoogleApp app, string refreshToken, CancellationToken cancellationToken) =>
        RequestTokensAsync(app, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    /// <summary>Revokes the whole grant (either token ends it). An already-invalid token counts as revoked.</summary>
    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token });
        using var response = await http.PostAsync(urls.RevokeUrl, content, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.BadRequest)
        {
            throw new GoogleApiException($"Google could not revoke the connection: {await GoogleErrors.DescribeAsync(response, cancellationToken)}", response.StatusCode);
        }
    }

    /// <summary>Whose Google account a fresh token is for.</summary>
    public async Task<GoogleUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, urls.UserInfoUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await GoogleErrors.ToExceptionAsync(response, clock.GetUtcNow(), cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<GoogleUserInfo>(GoogleCalendarClient.Json, cancellationToken)
            ?? throw new GoogleApiException("Google's userinfo endpoint answered without a body.", response.StatusCode);
    }

    private async Task<TokenAnswer> RequestTokensAsync(GoogleApp app, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["client_id"] = app.ClientId;
        form["client_secret"] = app.ClientSecret;
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(urls.TokenUrl, content, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new GoogleApiException("Google's token endpoint answered without a body.", response.StatusCode);
            return new TokenAnswer(body.AccessToken, body.RefreshToken, clock.GetUtcNow().AddSeconds(body.ExpiresIn), body.Scope ?? "");
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = TryRead(text);
        var status = (int)response.StatusCode;
        if (error?.Error is "invalid_grant" or "invalid_client" or "unauthorized_client")
        {
            // Revoked, expired (a testing app's seven days), unused for six months, or a bad code: only reconnecting helps.
            throw new GoogleConnectionLostException($"Google refused the grant ({status} {error.Error}): {error.Description ?? text}");
        }

        throw new GoogleApiException($"Google's token endpoint failed ({status}): {(text.Length <= 300 ? text : text[..300])}", response.StatusCode, error?.Error)
        {
            RetryAfter = RetryAfterHeader.Read(response, clock.GetUtcNow()),
        };
    }

    private static OAuthError? TryRead(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<OAuthError>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public sealed record TokenAnswer(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt, string Scope);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("scope")] string? Scope);

    private sealed record OAuthError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}
