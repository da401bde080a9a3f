using System.Net.Http.Json;
using System.Text.Json;

namespace Telemed.Zoom.IntegrationTests.Infrastructure;

/// <summary>The control and inspection endpoints of the Zoom sandbox the product under test talks to.</summary>
public sealed class SandboxControl(Uri sandboxRoot)
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri(sandboxRoot, "_sandbox/"),
        DefaultRequestHeaders = { { "X-Sandbox-Control-Key", TestHost.SandboxControlKey } },
    };

    /// <summary>Where the sandbox's Zoom lives (for a second process pointed at the same sandbox).</summary>
    public Uri ZoomRoot { get; } = new(sandboxRoot, "zoom");

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: SnakeCase) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    /// <summary>The Zoom user's meetings that are not deleted.</summary>
    public async Task<IReadOnlyList<JsonElement>> LiveMeetingsAsync(string user) =>
        (await GetAsync($"zoom/meetings?user={Uri.EscapeDataString(user)}")).EnumerateArray()
            .Where(m => !m.TryGetProperty("deleted_at", out var deleted) || deleted.ValueKind == JsonValueKind.Null)
            .ToList();

    public async Task<JsonElement> AccountAsync(string user) => await GetAsync($"zoom/accounts/{Uri.EscapeDataString(user)}");

    /// <summary>How many requests of an operation (e.g. "zoom.meetings.create") the user's tokens made.</summary>
    public async Task<int> CountRequestsAsync(string user, string operation)
    {
        var id = (await AccountAsync(user)).GetProperty("id").GetString();
        return (await GetAsync($"requests?operation={operation}&account={Uri.EscapeDataString(id!)}")).GetArrayLength();
    }

    public Task<JsonElement> AddFaultAsync(object fault) => PostAsync("zoom/faults", fault);
}
