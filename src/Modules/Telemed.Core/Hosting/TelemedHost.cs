using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telemed.Core.Data;
using Telemed.Core.Data.Migrations;
using Telemed.Core.Data.Postgres;
using Telemed.Core.Modules;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Hosting;

/// <summary>How the web host becomes TelemedSaaS: find the database, find the modules, let each register itself.</summary>
public static class TelemedHost
{
    /// <param name="additionalModules">Module assemblies the host does not reference (a test's own module).</param>
    public static async Task<ModuleCatalog> AddTelemedAsync(this WebApplicationBuilder builder, Assembly entryAssembly, IEnumerable<Assembly>? additionalModules = null)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("Telemed.Startup");

        // First: a missing or circular module requirement stops the host before anything starts.
        var catalog = ModuleCatalog.Discover(entryAssembly, additionalModules);
        var (database, cluster) = await PostgresBootstrap.StartAsync(builder.Configuration, builder.Environment.ContentRootPath, logger);
        builder.Services.AddSingleton(database);
        if (cluster is not null)
        {
            builder.Services.AddSingleton(cluster);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        }

        builder.Services.AddSingleton(catalog);
        builder.Services.AddStaticAssetCompression();
        var mvc = builder.Services.AddRazorPages();
        mvc.ConfigureApplicationPartManager(parts =>
        {
            foreach (var assembly in catalog.Assemblies.Where(a => parts.ApplicationParts.OfType<AssemblyPart>().All(p => p.Assembly != a)))
            {
                // Through the assembly's own part factory, so a Razor class library brings its compiled views and pages too.
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });

        foreach (var startup in catalog.Startups)
        {
            startup.ConfigureServices(builder.Services, builder.Configuration);
        }
        logger.LogInformation("Modules: {Modules}", string.Join(", ", catalog.Modules.Select(m => m.Id)));
        return catalog;
    }

    /// <summary>Seeding and other start-up tasks, one node at a time, so nodes starting together never race.</summary>
    private static async Task RunStartupTasksAsync(WebApplication app, Database database)
    {
        const long startupLockKey = 0x7E1E_3ED0_0002;
        await using var connection = new Npgsql.NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(app.Lifetime.ApplicationStopping);
        // No command timeout: a node waits as long as another one seeds (stopping the host still cancels the wait).
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({startupLockKey})", connection) { CommandTimeout = 0 })
        {
            await take.ExecuteNonQueryAsync(app.Lifetime.ApplicationStopping);
        }
        try
        {
            foreach (var task in app.Services.GetServices<IStartupTask>().OrderBy(t => t.Order))
            {
                await task.RunAsync(app.Lifetime.ApplicationStopping);
            }
        }
        finally
        {
            // Explicitly: a pooled connection's session (and its lock) outlives Dispose.
            await using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({startupLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Behind a configured proxy, the client's address and scheme come from its X-Forwarded headers; the Host header never does.</summary>
    private static void UseTrustedProxies(WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.TrustedProxies;
        if (proxies.Length == 0)
        {
            return;
        }
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }
        app.UseForwardedHeaders(forwarded);
    }

    /// <summary>Brings the schema up to date, runs start-up tasks, then builds the request pipeline.</summary>
    public static async Task UseTelemedAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(database.OwnerConnectionString);
        await RunStartupTasksAsync(app, database);

        UseTrustedProxies(app);
        // First, so that every answer carries them, even a tenant status page or a static file.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCookiePolicy();
        // Error pages run after tenant resolution so they render in the clinic's own site.
        app.UseMiddleware<TenantResolutionMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticAssets();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        foreach (var startup in app.Services.GetRequiredService<ModuleCatalog>().Startups)
        {
            startup.MapEndpoints(app);
        }
    }
}
