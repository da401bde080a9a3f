using Xunit;
using System.Net.Http.Json;
using System.Text.Json;

namespace Telemed.Testing;

/// <summary>The control and inspection endpoints of the provider sandbox mounted in the product under test (snake_case JSON, the tests' control key).</summary>
public class SandboxControlClient(Uri sandboxRoot)
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri(sandboxRoot, "_sandbox/"),
        DefaultRequestHeaders = { { "X-Sandbox-Control-Key", TestHost.SandboxControlKey } },
    };

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

    /// <summary>How many requests of an operation (e.g. "google.events.insert") an account of the provider made.</summary>
    public async Task<int> CountRequestsAsync(string provider, string accountId, string operation) =>
        (await GetAsync($"requests?provider={provider}&operation={operation}&account={Uri.EscapeDataString(accountId)}")).GetArrayLength();
}
