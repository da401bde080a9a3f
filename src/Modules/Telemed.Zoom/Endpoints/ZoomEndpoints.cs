using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Security;
using Telemed.Zoom.Data;
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

        endpoints.MapGet("/zoom/appointments/{appointmentId:guid}/start", StartSessionAsync)
            .RequireAuthorization(ZoomPermissions.ConnectZoom.Name)
            .WithName("zoom.start")
            .WithSummary("Sends the host to Zoom with a start link fetched at click time.");
        return endpoints;
    }

    /// <summary>
    /// Zoom's start link logs its bearer in as host and goes stale about two hours after issue, so it is fetched
    /// now; only the appointment's host and clinic admins get it. When Zoom is unreachable the stored link is
    /// offered on a page that says it may have expired.
    /// </summary>
    private static async Task<IResult> StartSessionAsync(Guid appointmentId, HttpContext http, ZoomDb db, ZoomMeetingLinks links, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken);
        if (appointment is null || !MaySeeStartLink(http.User, appointment))
        {
            return Results.NotFound();
        }

        var meeting = await links.GetForHostAsync(appointmentId, freshStartUrl: true, cancellationToken);
        if (meeting?.StartUrl is not { } startUrl)
        {
            return StatusPage(http, "The Zoom meeting is not ready", meeting?.Reason ?? meeting?.LastError ?? "This appointment has no Zoom meeting yet.", null);
        }

        return meeting.Reason == ZoomMeetingLinks.StoredStartUrlNote
            ? StatusPage(http, "Zoom could not be reached", meeting.Reason, startUrl)
            : Results.Redirect(startUrl);
    }

    internal static bool MaySeeStartLink(ClaimsPrincipal user, ZoomAppointment appointment) =>
        user.IsInRole(Roles.ClinicAdmin)
        || (appointment.HostUserId is { } hostUser && user.FindFirstValue(ClaimTypes.NameIdentifier) == hostUser.ToString());

    /// <summary>Opened in a tab of its own (Start session), so it links to the sessions list rather than "back".</summary>
    private static IResult StatusPage(HttpContext http, string title, string message, string? startUrl)
    {
        var link = startUrl is null ? "" : $"""<p><a class="btn btn-primary" href="{WebUtility.HtmlEncode(startUrl)}">Open the saved start link</a></p>""";
        var root = WebUtility.HtmlEncode(http.Request.PathBase.Value ?? "");
        return Results.Content($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title><link rel="stylesheet" href="{root}/lib/bootstrap/css/bootstrap.min.css"></head>
            <body class="bg-body-tertiary"><main class="container py-5"><div class="row justify-content-center"><div class="col-md-8 col-lg-6">
            <h1 class="h3">{WebUtility.HtmlEncode(title)}</h1>
            <p>{WebUtility.HtmlEncode(message)}</p>{link}<p><a href="{root}/zoom/sessions">Back to my Zoom sessions</a></p></div></div></main></body></html>
            """, "text/html; charset=utf-8");
    }
}
