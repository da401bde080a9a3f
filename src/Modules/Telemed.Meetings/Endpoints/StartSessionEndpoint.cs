using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Telemed.Core.Security;
using Telemed.Meetings.Data;
using Telemed.Meetings.Links;

namespace Telemed.Meetings.Endpoints;

public static class StartSessionEndpoint
{
    /// <summary>Maps Start session at <paramref name="pattern"/> (a provider module may keep an address it once had).</summary>
    public static RouteHandlerBuilder MapStartSession(this IEndpointRouteBuilder endpoints, string pattern = "/meetings/appointments/{appointmentId:guid}/start") =>
        endpoints.MapGet(pattern, StartSessionAsync)
            .RequireAuthorization(MeetingsPermissions.Names.Host)
            .WithSummary("Sends the host to the provider with a start link fetched at click time.");

    /// <summary>
    /// A start link logs its bearer in as host and goes stale (Zoom's about two hours after issue), so it is fetched now;
    /// only the appointment's host and clinic admins get it. When the provider is unreachable the stored link is offered
    /// on a page that says it may have expired.
    /// </summary>
    private static async Task<IResult> StartSessionAsync(Guid appointmentId, HttpContext http, MeetingsDb db, MeetingLinks links, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.AppointmentId == appointmentId, cancellationToken);
        if (appointment is null || !MaySeeStartLink(http.User, appointment))
        {
            return Results.NotFound();
        }

        var start = await links.StartLinkAsync(appointmentId, cancellationToken);
        if (start.Url is not { } startUrl)
        {
            return StatusPage(http, "The video meeting is not ready", start.WhyNone!, null);
        }

        return start.Fresh
            ? Results.Redirect(startUrl)
            : StatusPage(http, $"{start.Meeting!.ProviderName} could not be reached", start.Meeting.Reason!, startUrl);
    }

    internal static bool MaySeeStartLink(ClaimsPrincipal user, MeetingAppointment appointment) =>
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
            <p>{WebUtility.HtmlEncode(message)}</p>{link}<p><a href="{root}/meetings/sessions">Back to my video sessions</a></p></div></div></main></body></html>
            """, "text/html; charset=utf-8");
    }
}
