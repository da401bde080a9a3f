using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Telemed.Sandbox.Zoom.OAuth;

/// <summary>
/// <c>POST /oauth/data/compliance</c>: the app confirms it deleted a deauthorized user's Zoom data. Zoom's rules for it
/// have changed over time, so the sandbox accepts any well-formed call and keeps it for tests to assert.
/// </summary>
internal static class ZoomComplianceEndpoints
{
    public static void MapZoomComplianceEndpoints(this RouteGroupBuilder oauth)
    {
        oauth.MapPost("/data/compliance", async (HttpRequest request, IOptions<SandboxOptions> options, ZoomComplianceLog log, TimeProvider clock) =>
        {
            if (!ZoomOAuthEndpoints.HasClientCredentials(request, options.Value.Zoom))
            {
                return Results.Json(new OAuthError("Invalid client_id or client_secret", "invalid_client"), SandboxJson.SnakeCase, statusCode: 401);
            }

            try
            {
                var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("user_id", out _))
                {
                    return ZoomErrors.Validation([new ZoomFieldError("user_id", "Invalid field.")]);
                }

                log.Add(new ZoomComplianceCall(clock.GetUtcNow(), body));
                return Results.NoContent();
            }
            catch (JsonException)
            {
                return ZoomErrors.InvalidJson();
            }
        }).WithName("zoom.oauth.compliance").DisableAntiforgery();
    }
}

public sealed record ZoomComplianceCall(DateTimeOffset ReceivedAt, JsonElement Body);

public sealed class ZoomComplianceLog
{
    private readonly object _gate = new();
    private readonly List<ZoomComplianceCall> _calls = [];

    public IReadOnlyList<ZoomComplianceCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    public void Add(ZoomComplianceCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }
}
