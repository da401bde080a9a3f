using System.Net;
using System.Text.Json;

namespace Telemed.Api.IntegrationTests;

/// <summary>An RFC 9457 problem as the API answers it.</summary>
public sealed record Problem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]> Errors, string Body)
{
    /// <summary>Asserts the status and the problem+json media type, and reads the problem.</summary>
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        var errors = root.TryGetProperty("errors", out var list)
            ? list.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())
            : new Dictionary<string, string[]>();
        return new Problem(expected == 0 ? 0 : (int)expected, root.GetProperty("title").GetString() ?? "",
            root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "", errors, body);
    }
}
