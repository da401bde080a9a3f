using Microsoft.Extensions.Hosting;
using Telemed.Core.Data.Postgres;

namespace Telemed.Core.Hosting;

/// <summary>Stops the embedded cluster when the host stops. Registered first, so it stops last.</summary>
public sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
}
