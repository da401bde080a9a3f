using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>The Calendar API's events methods under <c>/calendar/v3</c>.</summary>
internal static class GoogleCalendarEndpoints
{
    public static void MapGoogleCalendarEndpoints(this RouteGroupBuilder v3)
    {
        var events = v3.MapGroup("/calendars/{calendarId}/events");

        events.MapPost("", (string calendarId, HttpContext http, GoogleEventHandlers handlers) => handlers.InsertAsync(calendarId, http))
            .WithName("google.events.insert");

        events.MapGet("", (string calendarId, HttpContext http, GoogleEventListHandler list) => list.List(calendarId, http))
            .WithName("google.events.list");

        events.MapGet("/{eventId}", (string calendarId, string eventId, HttpContext http, GoogleEventHandlers handlers) =>
                handlers.Get(calendarId, eventId, http))
            .WithName("google.events.get");

        events.MapPatch("/{eventId}", (string calendarId, string eventId, HttpContext http, GoogleEventHandlers handlers) =>
                handlers.ModifyAsync(calendarId, eventId, replace: false, http))
            .WithName("google.events.patch");

        events.MapPut("/{eventId}", (string calendarId, string eventId, HttpContext http, GoogleEventHandlers handlers) =>
                handlers.ModifyAsync(calendarId, eventId, replace: true, http))
            .WithName("google.events.update");

        events.MapDelete("/{eventId}", (string calendarId, string eventId, HttpContext http, GoogleEventHandlers handlers) =>
                handlers.Delete(calendarId, eventId, http))
            .WithName("google.events.delete");
    }
}
