using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Tenancy;
using Telemed.Testing.Jobs;
using Telemed.Web;

namespace Telemed.Testing;

/// <summary>
/// The real product, started in this process on a loopback port against a fresh database of the
/// test cluster. Tests talk to it over real HTTP.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, string ownerConnectionString)
    {
        _app = app;
        OwnerConnectionString = ownerConnectionString;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>One key-encryption key for every host of this test run, in-process or not, as nodes of one product share it.</summary>
    public static string KeyEncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret that opens the mounted sandbox's control area to the tests (header X-Sandbox-Control-Key).</summary>
    public static string SandboxControlKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public Uri BaseAddress { get; }
    public string OwnerConnectionString { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="configureServices">Replaces or adds services after the modules (and the test-only diagnostic jobs) registered theirs.</param>
    /// <param name="additionalModules">Module assemblies of the test itself, installed beside the product's.</param>
    public static async Task<TestHost> StartAsync(IDictionary<string, string?>? settings = null, string? ownerConnectionString = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null,
        IEnumerable<System.Reflection.Assembly>? additionalModules = null)
    {
        ownerConnectionString ??= await TestPostgres.CreateDatabaseAsync();
        var arguments = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["ConnectionStrings:Postgres"] = ownerConnectionString,
            ["Recipes:Path"] = RepositoryPaths.Recipes,
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Jobs:BackoffBase"] = "00:00:00.100",
            ["Platform:SeedDemo"] = "false",
            ["RateLimits:PublicPerMinute"] = "10000",
            ["RateLimits:AccountPostsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["DataProtection:KeyEncryptionKey"] = KeyEncryptionKey,
            ["Sandbox:ControlKey"] = SandboxControlKey,
            // Tests walk doctors through Connect Zoom and Connect Google themselves; the demo recipe's sandbox connections are asked for by name.
            ["Zoom:RecipeSandboxConnections"] = "false",
            ["Google:RecipeSandboxConnections"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            arguments[key] = value;
        }
        var app = await TelemedWebApp.BuildAsync(new WebApplicationOptions
        {
            Args = arguments.Select(a => $"--{a.Key}={a.Value}").ToArray(),
            ContentRootPath = RepositoryPaths.WebProject,
            ApplicationName = "Telemed.Web",
        }, services =>
        {
            services.AddDiagnosticJobs();
            configureServices?.Invoke(services);
        }, additionalModules);
        await app.StartAsync();
        return new TestHost(app, ownerConnectionString);
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed (so tests can see them).</summary>
    public TestClient CreateClient(bool followRedirects = false) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    public T GetRequiredService<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Runs work inside one clinic, as a recipe or job would.</summary>
    public Task<T> InTenantAsync<T>(Tenant tenant, Func<IServiceProvider, Task<T>> work) =>
        GetRequiredService<TenantScopeFactory>().RunAsync(tenant, work);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>An HttpClient whose cookie jar tests can read.</summary>
public sealed class TestClient(HttpClientHandler handler) : HttpClient(handler)
{
    public CookieContainer Cookies => handler.CookieContainer;
}
