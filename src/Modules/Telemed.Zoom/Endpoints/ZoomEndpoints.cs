using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemed.Meetings.Endpoints;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.Endpoints;

public static class ZoomEndpoints
{
    public static IEndpointRouteBuilder MapZoomEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/zoom/webhooks", (HttpRequest request, ZoomWebhookReceiver receiver, CancellationToken cancellationToken) =>
                receiver.ReceiveAsync(request, cancellationToken))
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("zoom.webhooks")
            .WithSummary("Zoom event notifications: URL validation, app deauthorization, meeting started, ended and deleted.");

        // Start session's address when Zoom kept meetings itself: links already handed out keep working.
        endpoints.MapStartSession("/zoom/appointments/{appointmentId:guid}/start").WithName("zoom.start");
        return endpoints;
    }
}
