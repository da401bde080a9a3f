using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox;

/// <summary>
/// Guards the control, inspection and fault endpoints: they list every account's tokens and start links.
/// A request passes with the configured control key in <see cref="HeaderName"/>, or when the host's own
/// check (the product: a signed-in platform operator) allows it. A standalone sandbox with neither is open.
/// </summary>
public sealed class SandboxControlAccess(Func<HttpContext, ValueTask<bool>>? allow) : IEndpointFilter
{
    public const string HeaderName = "X-Sandbox-Control-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.ControlKey;
        var open = string.IsNullOrEmpty(key) && allow is null;
        if (open || KeyMatches(key, http.Request.Headers[HeaderName]) || (allow is not null && await allow(http)))
        {
            return await next(context);
        }
        return Results.Problem(
            title: "Sandbox control needs the platform operator",
            detail: $"Sign in as the platform operator, or send the sandbox control key in {HeaderName}.",
            statusCode: http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
    }

    private static bool KeyMatches(string? expected, string? given) =>
        !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
