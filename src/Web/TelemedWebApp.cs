using Telemed.Core.Hosting;

namespace Telemed.Web;

/// <summary>Builds the product's web application; Program runs it, tests start it on a loopback port.</summary>
public static class TelemedWebApp
{
    public static async Task<WebApplication> BuildAsync(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateBuilder(options);
        builder.WebHost.UseStaticWebAssets();
        await builder.AddTelemedAsync(typeof(TelemedWebApp).Assembly);

        var app = builder.Build();
        await app.UseTelemedAsync();
        return app;
    }
}
