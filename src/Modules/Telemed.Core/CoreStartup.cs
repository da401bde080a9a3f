using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Telemed.Core.Data;
using Telemed.Core.Data.Migrations;
using Telemed.Core.Messaging;
using Telemed.Core.Modules;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;

namespace Telemed.Core;

/// <summary>The kernel module: tenancy, data access, migrations, recipes, shared keys, health, rate limits.</summary>
public sealed class CoreStartup : ModuleStartup
{
    /// <summary>The rate-limit policy every anonymous public endpoint uses.</summary>
    public const string PublicRateLimit = "public";

    public override int Order => -1000;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddSingleton<PostgresNotifications>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresNotifications>());
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<ITenantStore>(provider => provider.GetRequiredService<TenantRegistry>());
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<MigrationRunner>();
        services.AddMigrations<CoreMigrations>();
        services.AddSingleton<RecipeExecutor>();
        services.AddScoped<MessageLog>();
        services.AddSingleton<Events.EventPublisher>();
        services.AddScoped<IAuthorizationHandler, TenantUserHandler>();
        services.AddSecurityHeaders();

        services.AddDataProtection().SetApplicationName("TelemedSaaS");
        services.AddSingleton(provider => KeyEncryptionKey.FromConfigurationOrFile(
            configuration["DataProtection:KeyEncryptionKey"],
            Path.Combine(provider.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath, "App_Data", "key-encryption.key")));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<Database>());
            options.XmlEncryptor = new KeyRingEncryptor(provider.GetRequiredService<KeyEncryptionKey>());
        }));

        var permitPerMinute = configuration.GetValue("RateLimits:PublicPerMinute", 120);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(context.HttpContext.Response.WriteAsync("Too many requests; please wait a minute and try again."));
            };
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (Database database, CancellationToken cancellationToken) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await using var connection = await database.App.OpenConnectionAsync(timeout.Token);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(timeout.Token);
                return Results.Text("Healthy");
            }
            catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return Results.Text($"Unhealthy: the database does not answer ({exception.GetType().Name})", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous().WithName("Health");
    }
}
