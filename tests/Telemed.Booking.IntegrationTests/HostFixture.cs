using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// The real product on a loopback port and a fresh database, built as <c>TelemedWebApp</c> builds it,
/// plus one extra event subscriber so tests see <see cref="AppointmentChanged"/> delivered.
/// </summary>
public sealed class BookingHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private BookingHost(WebApplication app, string ownerConnectionString)
    {
        this.app = app;
        OwnerConnectionString = ownerConnectionString;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }
    public string OwnerConnectionString { get; }

    public static async Task<BookingHost> StartAsync(string? ownerConnectionString = null)
    {
        ownerConnectionString ??= await TestPostgres.CreateDatabaseAsync("book");
        var arguments = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["ConnectionStrings:Postgres"] = ownerConnectionString,
            ["Recipes:Path"] = RepositoryPaths.Recipes,
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Jobs:BackoffBase"] = "00:00:00.100",
            ["Platform:SeedDemo"] = "false",
            ["RateLimits:PublicPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = arguments.Select(a => $"--{a.Key}={a.Value}").ToArray(),
            ContentRootPath = RepositoryPaths.WebProject,
            ApplicationName = "Telemed.Web",
        });
        builder.WebHost.UseStaticWebAssets();
        await builder.AddTelemedAsync(typeof(Telemed.Web.TelemedWebApp).Assembly);
        builder.Services.AddEventSubscriber<AppointmentChanged, RecordingSubscriber>();
        var app = builder.Build();
        await app.UseTelemedAsync();
        await app.StartAsync();
        return new BookingHost(app, ownerConnectionString);
    }

    public TestClient CreateClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    public T GetRequiredService<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public Task<T> InTenantAsync<T>(Tenant tenant, Func<IServiceProvider, Task<T>> work) =>
        GetRequiredService<TenantScopeFactory>().RunAsync(tenant, work);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One host shared by the tests of a class; each test makes its own clinic.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public BookingHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BookingHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
