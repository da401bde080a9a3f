using Telemed.Core.Hosting;

namespace Telemed.Web;

/// <summary>Builds the product's web application; Program runs it, tests start it on a loopback port.</summary>
public static class TelemedWebApp
{
    /// <param name="configureServices">Runs after every module has registered its services (tests replace some).</param>
    /// <param name="additionalModules">Module assemblies the product does not reference (a test's own module).</param>
    public static async Task<WebApplication> BuildAsync(WebApplicationOptions options, Action<IServiceCollection>? configureServices = null,
        IEnumerable<System.Reflection.Assembly>? additionalModules = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        builder.WebHost.UseStaticWebAssets();
        await builder.AddTelemedAsync(typeof(TelemedWebApp).Assembly, additionalModules);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        await app.UseTelemedAsync();
        return app;
    }
}
