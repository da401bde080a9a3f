using Telemed.Core.Hosting;

namespace Telemed.Web;

/// <summary>Builds the product's web application; Program runs it, tests start it on a loopback port.</summary>
public static class TelemedWebApp
{
    /// <param name="configureServices">Runs after every module has registered its services (tests replace some).</param>
    public static async Task<WebApplication> BuildAsync(WebApplicationOptions options, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        builder.WebHost.UseStaticWebAssets();
        await builder.AddTelemedAsync(typeof(TelemedWebApp).Assembly);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        await app.UseTelemedAsync();
        return app;
    }
}
