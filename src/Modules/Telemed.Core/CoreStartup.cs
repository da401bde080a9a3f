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
using Telemed.Core.Hosting;
using Telemed.Core.Messaging;
using Telemed.Core.Modules;
using Telemed.Core.Recipes;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Core.Theming;

namespace Telemed.Core;

/// <summary>The kernel module: tenancy, data access, migrations, recipes, shared keys, health, rate limits.</summary>
public sealed class CoreStartup : ModuleStartup
{
    /// <summary>The rate-limit policy every anonymous public endpoint uses.</summary>
    public const string PublicRateLimit = "public";

    /// <summary>The rate-limit policy of account forms (sign-in, password reset, sign-up): posts per client address.</summary>
    public const string AccountRateLimit = "account";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<PlatformOptions>().BindConfiguration("Platform").ValidateOnStart()
            .Validate(o => PlatformOptions.IsValidBaseUrl(o.PublicBaseUrl), "Platform:PublicBaseUrl must be an absolute http(s) address without a path, such as https://telemed.example.com.")
            .Validate(o => o.TrustedProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Platform:TrustedProxies must list IP addresses.");
        services.AddSingleton<PublicUrls>();
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
        services.AddSingleton(provider => new PublicThemes(provider.GetRequiredService<ModuleCatalog>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PublicThemes>>()));
        services.AddScoped<ClinicBrandingAccessor>();

        services.AddDataProtection().SetApplicationName("TelemedSaaS");
        services.AddSingleton(provider => KeyEncryptionKey.FromConfigurationOrFile(
            configuration["DataProtection:KeyEncryptionKey"],
            Path.Combine(provider.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath, "App_Data", "key-encryption.key")));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<Database>());
            options.XmlEncryptor = new KeyRingEncryptor(provider.GetRequiredService<KeyEncryptionKey>());
        }));

        services.AddSingleton<AttemptThrottle>();
        var permitPerMinute = configuration.GetValue("RateLimits:PublicPerMinute", 120);
        var accountPostsPerMinute = configuration.GetValue("RateLimits:AccountPostsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1) }));
            // Showing the forms is free; each post is an attempt.
            options.AddPolicy(AccountRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = accountPostsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("views"));
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
