using System.Text.Json;
using Telemed.GoogleMeet.Models;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Services;

/// <summary>Reads Google's error answers into exceptions: the status, the first reason and Retry-After decide what happens next.</summary>
internal static class GoogleErrors
{
    public static async Task<GoogleApiException> ToExceptionAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = await TextAsync(response, cancellationToken);
        GoogleError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<GoogleErrorBody>(text, GoogleCalendarClient.Json)?.Error;
        }
        catch (JsonException)
        {
        }

        var reason = error?.Errors?.FirstOrDefault()?.Reason;
        var message = $"Google answered {(int)response.StatusCode}{(reason is null ? "" : $" ({reason})")}: {error?.Message ?? text}";
        return new GoogleApiException(message, response.StatusCode, reason)
        {
            RetryAfter = RetryAfterHeader.Read(response, now),
            IsDailyLimit = reason is "dailyLimitExceeded" or "quotaExceeded",
        };
    }

    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        $"{(int)response.StatusCode} {await TextAsync(response, cancellationToken)}";

    private static async Task<string> TextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length <= 500 ? text : text[..500];
    }
}
