using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Telemed.GoogleMeet.Models;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Services;

/// <summary>
/// Calendar v3 events on the host's primary calendar, always with <c>conferenceDataVersion=1</c> so Meet conferences
/// are made and kept. A 401 is answered once by renewing the token and repeating the call; errors become
/// <see cref="GoogleApiException"/> keyed on the status and Google's first reason.
/// </summary>
public sealed class GoogleCalendarClient(HttpClient http, GoogleUrls urls, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const string Calendar = "primary";

    public Task<GoogleEvent> InsertAsync(IAccessToken access, GoogleEvent calendarEvent, string sendUpdates, CancellationToken cancellationToken) =>
        SendAsync(access, HttpMethod.Post, EventsPath(null, sendUpdates), calendarEvent, cancellationToken);

    /// <summary>The event, also when it was deleted (Google answers those with status "cancelled").</summary>
    public Task<GoogleEvent> GetAsync(IAccessToken access, string eventId, CancellationToken cancellationToken) =>
        SendAsync(access, HttpMethod.Get, EventsPath(eventId, null), null, cancellationToken);

    public Task<GoogleEvent> PatchAsync(IAccessToken access, string eventId, GoogleEvent changes, string sendUpdates, CancellationToken cancellationToken) =>
        SendAsync(access, HttpMethod.Patch, EventsPath(eventId, sendUpdates), changes, cancellationToken);

    /// <summary>Deletes the event. True when it was there; 404 and 410 (already deleted) count as done.</summary>
    public async Task<bool> DeleteAsync(IAccessToken access, string eventId, string sendUpdates, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(access, HttpMethod.Delete, EventsPath(eventId, sendUpdates), null, cancellationToken);
            return true;
        }
        catch (GoogleApiException exception) when (exception.IsGone)
        {
            return false;
        }
    }

    /// <summary>Live events carrying a private extended property (how a create whose answer was lost is found again).</summary>
    public async Task<IReadOnlyList<GoogleEvent>> FindByPrivatePropertyAsync(IAccessToken access, string name, string value, CancellationToken cancellationToken)
    {
        var found = new List<GoogleEvent>();
        string? page = null;
        do
        {
            var path = QueryHelpers.AddQueryString($"/calendars/{Calendar}/events", new Dictionary<string, string?>
            {
                ["privateExtendedProperty"] = $"{name}={value}",
                ["maxResults"] = "50",
                ["pageToken"] = page,
            });
            var list = await SendAsync<GoogleEventList>(access, HttpMethod.Get, path, null, cancellationToken);
            found.AddRange(list?.Items?.Where(e => !e.IsCancelled) ?? []);
            page = list?.NextPageToken;
        }
        while (!string.IsNullOrEmpty(page));
        return found;
    }

    private static string EventsPath(string? eventId, string? sendUpdates)
    {
        var path = $"/calendars/{Calendar}/events" + (eventId is null ? "" : "/" + Uri.EscapeDataString(eventId));
        return QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
        {
            ["conferenceDataVersion"] = "1",
            ["sendUpdates"] = sendUpdates,
        });
    }

    private async Task<GoogleEvent> SendAsync(IAccessToken access, HttpMethod method, string path, GoogleEvent? body, CancellationToken cancellationToken) =>
        (await SendAsync<GoogleEvent>(access, method, path, body, cancellationToken))!;

    private async Task<T?> SendAsync<T>(IAccessToken access, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var token = await access.GetTokenAsync(cancellationToken);
        using var first = await SendOnceAsync(method, path, body, token, cancellationToken);
        if (first.StatusCode != HttpStatusCode.Unauthorized)
        {
            return await ReadAsync<T>(first, cancellationToken);
        }

        // Expired or revoked at Google although we thought it valid: renew once (single-flight) and repeat.
        token = await access.RenewTokenAsync(token, cancellationToken);
        using var second = await SendOnceAsync(method, path, body, token, cancellationToken);
        if (second.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new GoogleConnectionLostException("Google refused a freshly renewed token: " + await GoogleErrors.DescribeAsync(second, cancellationToken));
        }

        return await ReadAsync<T>(second, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, object? body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, urls.CalendarBase + path)
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
            return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        }

        throw await GoogleErrors.ToExceptionAsync(response, clock.GetUtcNow(), cancellationToken);
    }
}
