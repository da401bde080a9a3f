using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>Rules every event write shares: reading the body, If-Match, status changes, modification times and new ids.</summary>
internal static class GoogleEventWrites
{
    private const string Base32Hex = "0123456789abcdefghijklmnopqrstuv";

    /// <summary>Applies a status a write asked for: cancelling marks the event deleted, confirming a cancelled one restores it.</summary>
    public static GoogleEvent WithStatus(GoogleEvent e, string status, DateTimeOffset now) => status switch
    {
        GoogleEvent.Cancelled when !e.IsCancelled => e with { Status = status, DeletedAt = now, DeletedBy = "api" },
        GoogleEvent.Cancelled => e,
        _ => e with { Status = status, DeletedAt = null, DeletedBy = null },
    };

    public static bool Matches(string ifMatch, GoogleEvent current) =>
        string.IsNullOrEmpty(ifMatch) || ifMatch == "*" || ifMatch.Split(',').Select(t => t.Trim()).Contains(current.ETag);

    /// <summary>A modification time after <paramref name="previous"/>, at millisecond precision, so etag and updated change on every write even under a stopped test clock.</summary>
    public static DateTimeOffset Later(DateTimeOffset previous, TimeProvider clock)
    {
        var now = Truncate(clock.GetUtcNow());
        return now > previous ? now : previous.AddMilliseconds(1);
    }

    public static DateTimeOffset Truncate(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static string NewEventId() => string.Create(26, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Base32Hex[RandomNumberGenerator.GetInt32(Base32Hex.Length)];
        }
    });

    public static async Task<(JsonObject? Body, IResult? Error)> ReadBodyAsync(HttpContext http)
    {
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            // Counting materialises the properties, so a body with a repeated name fails here rather than later.
            return node is JsonObject body && body.Count >= 0 ? (body, null) : (null, GoogleErrors.ParseError());
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, GoogleErrors.ParseError());
        }
    }
}
