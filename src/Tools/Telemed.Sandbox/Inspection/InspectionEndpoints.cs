using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Sandbox.Faults;

namespace Telemed.Sandbox.Inspection;

internal static class InspectionEndpoints
{
    public static void MapInspectionEndpoints(this RouteGroupBuilder control)
    {
        control.MapGet("/requests", (RequestLog log, string? provider, string? account, string? operation) =>
            Results.Json(log.Query(provider, account, operation), SandboxJson.SnakeCase))
            .WithName("sandbox.requests.list");

        control.MapDelete("/requests", (RequestLog log, string? provider) =>
        {
            log.Clear(provider);
            return Results.NoContent();
        });

        control.MapPost("/reset", (IServiceProvider services, RequestLog log, FaultRegistry faults) =>
        {
            foreach (var provider in services.GetServices<ISandboxProvider>())
            {
                provider.Reset();
                faults.Clear(provider.Name);
            }

            log.Clear();
            return Results.NoContent();
        }).WithName("sandbox.reset");

        control.MapGet("/providers", (IServiceProvider services) =>
            Results.Json(services.GetServices<ISandboxProvider>().Select(p => p.Name), SandboxJson.SnakeCase));
    }
}
