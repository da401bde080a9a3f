using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Telemed.Sandbox.Google.Accounts;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// Tiny pages behind the links Google hands out, so a browser that follows them lands somewhere: the Meet room
/// (<c>/meet/{code}</c>, the hangoutLink) and the event in Calendar (<c>/calendar/event?eid=</c>, the htmlLink).
/// </summary>
internal static partial class GoogleMeetRoomEndpoints
{
    // Escapes markup but keeps readable text such as the em dash of the Meet page title.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // Both pages sit one level below the stylesheet at {base}/sandbox.css.
    private const string StylesheetHref = "../sandbox.css";

    private const string MeetIcon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 40" role="img" aria-label="Google Meet sandbox">
        <rect x="2" y="6" width="30" height="28" rx="4" fill="#00832d"/><path d="M32 16l12-8v24l-12-8z" fill="#00ac47"/></svg>
        """;

    public static void MapGoogleMeetRoomEndpoints(this RouteGroupBuilder google)
    {
        google.MapGet("/meet/{code}", (string code, string? pin, GoogleEventStore events) =>
        {
            var e = Html;
            var found = MeetCode().IsMatch(code) ? events.FindByMeetCode(code) : null;
            if (found?.Conference is not { Status: GoogleConferenceOutcome.Success })
            {
                return Page($"Google Meet sandbox — meeting {code}", "<p role=\"alert\">Check your meeting code: no meeting has this code.</p>", 404);
            }

            var body = new StringBuilder($"<p>You are in meeting <strong>{e.Encode(code)}</strong>");
            body.Append(found.Fields["summary"] is JsonValue summary && summary.TryGetValue<string>(out var title) ? $", “{e.Encode(title)}”.</p>" : ".</p>");
            if (found.IsCancelled)
            {
                body.Append("<p role=\"alert\">The event of this meeting has been cancelled in Google Calendar.</p>");
            }

            if (pin is not null)
            {
                body.Append($"<p>Join by phone: dial the number in the invitation and enter PIN <strong>{e.Encode(found.Conference.Pin)}</strong>#.</p>");
            }

            return Page($"Google Meet sandbox — meeting {code}", body.ToString(), 200);
        }).WithName("google.meet.room");

        google.MapGet("/meet-icon.svg", () => Results.Text(MeetIcon, "image/svg+xml")).WithName("google.meet.icon");

        google.MapGet("/calendar/event", (string? eid, GoogleAccountDirectory accounts, GoogleEventStore events) =>
        {
            var e = Html;
            var key = GoogleEventPresenter.ReadEid(eid);
            var account = key is { } k ? accounts.Find(k.CalendarEmail) : null;
            if (key is null || account is null || events.Find(account.Id, key.Value.EventId) is not { } found)
            {
                return Page("Google Calendar sandbox", "<p role=\"alert\">Could not find the requested event.</p>", 404);
            }

            var title = found.Fields["summary"] is JsonValue summary && summary.TryGetValue<string>(out var text) ? text : "(No title)";
            var when = $"{found.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} – {found.End.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC";
            var body = $"""
                <p>{e.Encode(when)}, in the calendar of {e.Encode(account.Email)}.</p>
                <p>Status: <strong>{e.Encode(found.Status)}</strong>{(found.Conference is { Status: GoogleConferenceOutcome.Success, Copied: null } c ? $". Meet code {e.Encode(c.Code)}" : "")}.</p>
                """;
            return Page(title, body, 200);
        }).WithName("google.calendar.event");
    }

    [GeneratedRegex("^[a-z]{3}-[a-z]{4}-[a-z]{3}$")]
    private static partial Regex MeetCode();

    private static IResult Page(string title, string body, int status) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{Html.Encode(title)}</title>
        <link rel="stylesheet" href="{StylesheetHref}"></head>
        <body><main>
        <h1>{Html.Encode(title)}</h1>
        {body}
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
