using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Telemed.Sandbox.Zoom.Accounts;
using Telemed.Sandbox.Zoom.Meetings;
using Telemed.Sandbox.Zoom.OAuth;
using Telemed.Sandbox.Zoom.Webhooks;
using static Telemed.Sandbox.Control.SandboxControlResults;
using static Telemed.Sandbox.Zoom.Control.ZoomControlResults;

namespace Telemed.Sandbox.Zoom.Control;

/// <summary>Test-only endpoints that point webhooks at the product, fire them on demand and list deliveries.</summary>
internal static class ZoomWebhookControlEndpoints
{
    public static void MapZoomWebhookControlEndpoints(this RouteGroupBuilder control)
    {
        var webhooks = control.MapGroup("/webhooks");

        webhooks.MapGet("/endpoint", (ZoomWebhookSender sender) => Json(new { Url = sender.EndpointUrl }));

        webhooks.MapPut("/endpoint", async (HttpRequest request, ZoomWebhookSender sender) =>
        {
            var body = await ReadAsync<EndpointBody>(request);
            if (body is null || (body.Url is not null && !Uri.TryCreate(body.Url, UriKind.Absolute, out _)))
            {
                return Problem("Expected {\"url\": \"http://host/path\"} (or null to stop sending).");
            }

            sender.EndpointUrl = body.Url;
            return Json(new { Url = sender.EndpointUrl });
        });

        control.MapGet("/compliance", (ZoomComplianceLog log) => Json(log.Calls));

        webhooks.MapGet("/deliveries", (ZoomWebhookSender sender, string? @event) =>
            Json(sender.Deliveries.Where(d => @event is null || d.Event == @event)));

        webhooks.MapPost("/validate", async (ZoomWebhookSender sender, CancellationToken cancellationToken) =>
            await sender.ValidateEndpointAsync(cancellationToken) is { } result ? Json(result) : NoEndpoint());

        webhooks.MapPost("/deauthorize", async (
            string user,
            [FromQuery(Name = "user_data_retention")] bool? userDataRetention,
            ZoomUserDirectory users,
            ZoomTokenStore tokens,
            ZoomWebhookSender sender,
            IOptions<SandboxOptions> options,
            TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            if (users.Find(user) is not { } found)
            {
                return UnknownUser(user);
            }

            // The user removed the app in Zoom: its tokens stop working, then the app is told.
            tokens.RevokeAll(found);
            var webhook = ZoomWebhookEvents.AppDeauthorized(found, options.Value.Zoom.ClientId, userDataRetention ?? false, clock.GetUtcNow());
            return await SendAsync(sender, webhook, cancellationToken);
        });

        webhooks.MapPost("/meeting-started", async ([FromQuery(Name = "meeting_id")] long meetingId, ZoomMeetingLifecycle lifecycle, ZoomUserDirectory users,
            ZoomWebhookSender sender, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (lifecycle.Start(meetingId, announce: false) is not { } meeting || users.Find(meeting.HostId) is not { } host)
            {
                return UnknownMeeting(meetingId);
            }

            return await SendAsync(sender, ZoomWebhookEvents.MeetingStarted(meeting, host, clock.GetUtcNow()), cancellationToken);
        });

        webhooks.MapPost("/meeting-ended", async ([FromQuery(Name = "meeting_id")] long meetingId, ZoomMeetingStore meetings, ZoomMeetingLifecycle lifecycle,
            ZoomUserDirectory users, ZoomWebhookSender sender, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            // Zoom may send meeting.ended again for a meeting that already ended, so this fires whatever the state.
            lifecycle.End(meetingId, announce: false);
            if (meetings.Find(meetingId) is not { IsDeleted: false } meeting || users.Find(meeting.HostId) is not { } host)
            {
                return UnknownMeeting(meetingId);
            }

            return await SendAsync(sender, ZoomWebhookEvents.MeetingEnded(meeting, host, clock.GetUtcNow()), cancellationToken);
        });
    }

    private static async Task<IResult> SendAsync(ZoomWebhookSender sender, ZoomWebhookEvent webhook, CancellationToken cancellationToken) =>
        await sender.SendAsync(webhook, cancellationToken) is { } delivery ? Json(delivery) : NoEndpoint();

    private static IResult NoEndpoint() =>
        Problem("No webhook endpoint: PUT {\"url\": ...} to /_sandbox/zoom/webhooks/endpoint or set Sandbox:Zoom:WebhookEndpointUrl.", StatusCodes.Status409Conflict);

    private sealed record EndpointBody(string? Url);
}
