using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Telemed.Sandbox.Tests.Infrastructure;

/// <summary>The sandbox running for real on Kestrel on a free loopback port, with an HTTP client that does not follow redirects.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress, string prefix)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var root = new Uri(baseAddress, prefix.Trim('/') is { Length: > 0 } p ? $"/{p}/" : "/");
        Zoom = new ZoomApi(Http, new Uri(root, "zoom/"));
        Google = new GoogleApi(Http, new Uri(root, "google/"));
        ControlBase = new Uri(root, "_sandbox/");
    }

    public Uri BaseAddress { get; }
    public Uri ControlBase { get; }
    public HttpClient Http { get; }
    public ZoomApi Zoom { get; }
    public GoogleApi Google { get; }

    public static async Task<SandboxServer> StartAsync(Action<SandboxOptions>? configure = null, TimeProvider? clock = null, string prefix = "")
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddProviderSandbox(configure);
        var app = builder.Build();
        app.MapProviderSandbox(prefix);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, new Uri(address), prefix);
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async Task<JsonElement> GetControlAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(ControlBase, path));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public async Task<JsonElement> PostControlAsync(string path, object? body = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(ControlBase, path))
        {
            Content = body is null ? null : JsonContent.Create(body, options: TestJson.SnakeCase),
        };
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Content.Headers.ContentLength == 0 ? default : await response.ReadJsonAsync();
    }

    /// <summary>Adds a Zoom fault through the control endpoint, as a test or a developer would.</summary>
    public Task<JsonElement> AddZoomFaultAsync(object fault) => PostControlAsync("zoom/faults", fault);

    /// <summary>Adds a Google fault through the control endpoint.</summary>
    public Task<JsonElement> AddGoogleFaultAsync(object fault) => PostControlAsync("google/faults", fault);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One sandbox per test class; tests in it use their own Zoom users so they never see each other's state.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public static class TestJson
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string NewUser() => $"dr.{Guid.NewGuid():N}@sandbox.test";
}
