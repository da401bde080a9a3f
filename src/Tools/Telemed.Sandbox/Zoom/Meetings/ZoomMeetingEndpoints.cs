using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>Zoom's meetings API under <c>/v2</c>: create, list, get, update, delete and end.</summary>
internal static class ZoomMeetingEndpoints
{
    public static void MapZoomMeetingEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapPost("/users/{userId}/meetings", (string userId, HttpContext http, ZoomMeetingHandlers handlers) =>
                handlers.CreateAsync(userId, http))
            .WithName("zoom.meetings.create")
            .WithMetadata(ZoomRateLimitLabel.Medium);

        v2.MapGet("/users/{userId}/meetings", (string userId, HttpContext http, ZoomMeetingHandlers handlers) =>
                handlers.List(userId, http))
            .WithName("zoom.meetings.list");

        v2.MapGet("/meetings/{meetingId}", (string meetingId, HttpContext http, ZoomMeetingHandlers handlers) =>
                handlers.Get(meetingId, http))
            .WithName("zoom.meetings.get");

        v2.MapPatch("/meetings/{meetingId}", (string meetingId, HttpContext http, ZoomMeetingHandlers handlers) =>
                handlers.UpdateAsync(meetingId, http))
            .WithName("zoom.meetings.update");

        v2.MapDelete("/meetings/{meetingId}", (string meetingId, HttpContext http, ZoomMeetingHandlers handlers) =>
                handlers.Delete(meetingId, http))
            .WithName("zoom.meetings.delete");

        v2.MapPut("/meetings/{meetingId}/status", (string meetingId, HttpContext http, ZoomMeetingHandlers handlers) =>
                handlers.UpdateStatusAsync(meetingId, http))
            .WithName("zoom.meetings.status");
    }
}
