using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telemed.Core.Hosting;

namespace Telemed.Tenants.Hosting;

/// <summary>Prints where the product answers and how to sign in, once the server is listening.</summary>
public sealed class WelcomeBanner(IHostApplicationLifetime lifetime, PublicUrls urls, IConfiguration configuration, ILogger<WelcomeBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = urls.Platform;
        var lines = new[]
        {
            "",
            "TelemedSaaS is running.",
            $"  Platform (operator):   {address}/platform   {configuration["Platform:AdminEmail"]} / {configuration["Platform:AdminPassword"]}",
            $"  Demo clinic (public):  {address}/c/demo",
            $"  Demo clinic admin:     {address}/c/demo/admin   admin@demo.clinic / Demo123!",
            $"  Demo doctor:           {address}/c/demo/admin   dr.alice@demo.clinic / Demo123!",
            $"  Demo patient:          {address}/c/demo/login   patient@demo.clinic / Demo123!",
            $"  New clinic sign-up:    {address}/signup",
            $"  Health:                {address}/health",
            "",
        };
        logger.LogInformation("{Banner}", string.Join(Environment.NewLine, lines));
    }
}
