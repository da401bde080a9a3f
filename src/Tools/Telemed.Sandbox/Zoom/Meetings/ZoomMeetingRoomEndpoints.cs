using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>
/// Tiny pages behind start_url (<c>/s/{id}?zak=</c>: starts the meeting as host while the token is fresh) and
/// join_url (<c>/j/{id}?pwd=</c>: shows what a patient would join), so links in a demo lead somewhere real.
/// </summary>
internal static class ZoomMeetingRoomEndpoints
{
    public static void MapZoomMeetingRoomEndpoints(this RouteGroupBuilder zoom)
    {
        zoom.MapGet("/s/{meetingId:long}", (long meetingId, string? zak, ZoomMeetingStore meetings, ZoomMeetingLifecycle lifecycle) =>
        {
            if (meetings.RedeemStartToken(meetingId, zak) is null)
            {
                return Page("Start link expired", "<p role=\"alert\">This start link is invalid or has expired. Get a fresh one from the meeting.</p>", 403);
            }

            var meeting = lifecycle.Start(meetingId);
            return meeting is null
                ? Page("Meeting not found", "<p role=\"alert\">This meeting does not exist any more.</p>", 404)
                : Page(meeting.Topic, $"<p>You are hosting meeting <strong>{Id(meeting)}</strong>. It is in progress.</p>", 200);
        }).WithName("zoom.room.start");

        zoom.MapGet("/j/{meetingId:long}", (long meetingId, string? pwd, ZoomMeetingStore meetings) =>
        {
            if (meetings.Find(meetingId) is not { IsDeleted: false } meeting)
            {
                return Page("Meeting not found", "<p role=\"alert\">This meeting does not exist or has been cancelled.</p>", 404);
            }

            if (meeting.Password.Length > 0 && pwd != ZoomMeetingPresenter.EncryptedPasscode(meeting))
            {
                return Page(meeting.Topic, "<p role=\"alert\">Enter the meeting passcode to join: this link does not carry a valid one.</p>", 401);
            }

            var status = meeting.Status == "started" ? "The meeting is in progress: you have joined." : "Please wait, the host has not started this meeting yet.";
            return Page(meeting.Topic, $"<p>Meeting <strong>{Id(meeting)}</strong>. {status}</p>", 200);
        }).WithName("zoom.room.join");
    }

    private static string Id(ZoomMeeting meeting) => meeting.Id.ToString(CultureInfo.InvariantCulture);

    private static IResult Page(string title, string body, int status) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{HtmlEncoder.Default.Encode(title)} - Zoom sandbox</title>
        <link rel="stylesheet" href="{ZoomSandboxStylesheet.Href}"></head>
        <body><main class="room">
        <h1>{HtmlEncoder.Default.Encode(title)}</h1>
        {body}
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
