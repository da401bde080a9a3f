using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Telemed.Sandbox.Control.SandboxControlResults;

namespace Telemed.Sandbox.Faults;

/// <summary>JSON endpoints that configure a provider's faults: <c>POST/GET/DELETE {prefix}/_sandbox/{provider}/faults</c>.</summary>
internal static class FaultEndpoints
{
    public static void MapFaultEndpoints(this RouteGroupBuilder control, ISandboxProvider provider)
    {
        control.MapPost("/faults", async (HttpRequest request, FaultRegistry registry) =>
        {
            FaultSpec? spec;
            try
            {
                spec = await request.ReadFromJsonAsync<FaultSpec>(SandboxJson.SnakeCase);
            }
            catch (JsonException exception)
            {
                return Problem(exception.Message);
            }

            if (spec is null)
            {
                return Problem("A fault body is required.");
            }

            string? account = null;
            if (spec.User is not null && (account = provider.ResolveAccountKey(spec.User)) is null)
            {
                return Problem($"Unknown {provider.Name} user '{spec.User}'.");
            }

            try
            {
                var rule = registry.Add(provider.Name, account, spec, provider.MinimumErrorFaultStatus);
                return Results.Json(rule, SandboxJson.SnakeCase, statusCode: StatusCodes.Status201Created);
            }
            catch (ArgumentException exception)
            {
                return Problem(exception.Message);
            }
        }).WithName($"sandbox.{provider.Name}.faults.add");

        control.MapGet("/faults", (FaultRegistry registry) =>
            Results.Json(registry.List(provider.Name), SandboxJson.SnakeCase));

        control.MapDelete("/faults", (FaultRegistry registry, string? user) =>
        {
            if (user is null)
            {
                return Results.Json(new { cleared = registry.Clear(provider.Name) }, SandboxJson.SnakeCase);
            }

            var account = provider.ResolveAccountKey(user);
            return account is null
                ? Problem($"Unknown {provider.Name} user '{user}'.")
                : Results.Json(new { cleared = registry.Clear(provider.Name, account) }, SandboxJson.SnakeCase);
        });
    }
}
