using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telemed.Meetings.Providers;
using Telemed.Zoom.Models;

namespace Telemed.Zoom.Services;

/// <summary>
/// Zoom's meetings REST API. A 401 is answered once by renewing the token and repeating the call; errors become
/// <see cref="ZoomApiException"/> with Zoom's code, Retry-After, and whether the daily per-user limit was hit.
/// </summary>
public sealed class ZoomApiClient(HttpClient http, ZoomUrls urls, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<ZoomUserInfo> GetMeAsync(IAccessToken access, CancellationToken cancellationToken) =>
        SendAsync<ZoomUserInfo>(access, HttpMethod.Get, "/users/me", null, cancellationToken)!;

    public Task<ZoomMeetingDetails> CreateMeetingAsync(IAccessToken access, ZoomMeetingRequest meeting, CancellationToken cancellationToken) =>
        SendAsync<ZoomMeetingDetails>(access, HttpMethod.Post, "/users/me/meetings", meeting, cancellationToken)!;

    public Task<ZoomMeetingDetails> GetMeetingAsync(IAccessToken access, long meetingId, CancellationToken cancellationToken) =>
        SendAsync<ZoomMeetingDetails>(access, HttpMethod.Get, $"/meetings/{meetingId}", null, cancellationToken)!;

    public Task UpdateMeetingAsync(IAccessToken access, long meetingId, ZoomMeetingRequest changes, CancellationToken cancellationToken) =>
        SendAsync<object>(access, HttpMethod.Patch, $"/meetings/{meetingId}", changes, cancellationToken);

    /// <summary>Deletes without Zoom's own e-mails (the clinic tells people itself). True when it was there to delete.</summary>
    public async Task<bool> DeleteMeetingAsync(IAccessToken access, long meetingId, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<object>(access, HttpMethod.Delete, $"/meetings/{meetingId}?schedule_for_reminder=false&cancel_meeting_reminder=false", null, cancellationToken);
            return true;
        }
        catch (ZoomApiException exception) when (exception.IsNotFound)
        {
            return false;
        }
    }

    public Task EndMeetingAsync(IAccessToken access, long meetingId, CancellationToken cancellationToken) =>
        SendAsync<object>(access, HttpMethod.Put, $"/meetings/{meetingId}/status", new { action = "end" }, cancellationToken);

    /// <summary>The host's scheduled meetings, every page.</summary>
    public async Task<IReadOnlyList<ZoomMeetingDetails>> ListMeetingsAsync(IAccessToken access, CancellationToken cancellationToken)
    {
        var all = new List<ZoomMeetingDetails>();
        string? next = null;
        do
        {
            var path = "/users/me/meetings?type=scheduled&page_size=300" + (next is { Length: > 0 } ? "&next_page_token=" + Uri.EscapeDataString(next) : "");
            var page = await SendAsync<ZoomMeetingPage>(access, HttpMethod.Get, path, null, cancellationToken);
            all.AddRange(page?.Meetings ?? []);
            next = page?.NextPageToken;
        }
        while (!string.IsNullOrEmpty(next));
        return all;
    }

    private async Task<T?> SendAsync<T>(IAccessToken access, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var token = await access.GetTokenAsync(cancellationToken);
        using var first = await SendOnceAsync(method, path, body, token, cancellationToken);
        if (first.StatusCode != HttpStatusCode.Unauthorized)
        {
            return await ReadAsync<T>(first, cancellationToken);
        }

        // Expired or revoked at Zoom although we thought it valid: renew once (single-flight) and repeat.
        token = await access.RenewTokenAsync(token, cancellationToken);
        using var second = await SendOnceAsync(method, path, body, token, cancellationToken);
        if (second.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new ZoomConnectionLostException("Zoom rejected a freshly renewed token: " + await ErrorTextAsync(second, cancellationToken));
        }

        return await ReadAsync<T>(second, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, object? body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, urls.ApiBase + path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(object)
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        }

        var text = await ErrorTextAsync(response, cancellationToken);
        ZoomErrorAnswer? error = null;
        try
        {
            error = JsonSerializer.Deserialize<ZoomErrorAnswer>(text, Json);
        }
        catch (JsonException)
        {
        }

        var rateType = response.Headers.TryGetValues("X-RateLimit-Type", out var types) ? types.FirstOrDefault() : null;
        var daily = response.StatusCode == HttpStatusCode.TooManyRequests
            && (string.Equals(rateType, "Daily-limit", StringComparison.OrdinalIgnoreCase)
                || (error?.Message?.Contains("daily", StringComparison.OrdinalIgnoreCase) ?? false));
        throw new ZoomApiException($"Zoom answered {(int)response.StatusCode}{(error?.Code is int code ? $" (code {code})" : "")}: {error?.Message ?? text}",
            response.StatusCode, error?.Code)
        {
            RetryAfter = ReadRetryAfter(response, clock.GetUtcNow()),
            IsDailyLimit = daily,
        };
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length <= 500 ? text : text[..500];
    }

    internal static DateTimeOffset? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now) => RetryAfterHeader.Read(response, now);
}
