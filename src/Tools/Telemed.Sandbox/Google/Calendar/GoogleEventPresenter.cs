using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>Absolute links of the sandbox's Google as one request reached it: events' htmlLink, Meet links and the Meet icon.</summary>
public sealed record GoogleEventLinks(string Root, string MeetBase)
{
    public static GoogleEventLinks For(GoogleLinks links, HttpRequest request) => new(links.Root(request), links.MeetLinkBase(request));

    public string HtmlLink(GoogleEvent calendarEvent) => $"{Root}/calendar/event?eid={GoogleEventPresenter.Eid(calendarEvent)}";

    public string MeetIcon => $"{Root}/meet-icon.svg";
}

/// <summary>Turns a stored event into Google's Event resource, fields in the order Google answers them.</summary>
public static class GoogleEventPresenter
{
    public static JsonObject ToJson(GoogleEvent e, GoogleEventLinks links)
    {
        var fields = e.Fields;
        var json = new JsonObject
        {
            ["kind"] = "calendar#event",
            ["etag"] = e.ETag,
            ["id"] = e.Id,
            ["status"] = e.Status,
            ["htmlLink"] = links.HtmlLink(e),
            ["created"] = GoogleEventTimes.FormatTimestamp(e.Created),
            ["updated"] = GoogleEventTimes.FormatTimestamp(e.Updated),
        };
        Copy(fields, json, "summary", "description", "location", "colorId");
        json["creator"] = new JsonObject { ["email"] = e.OrganizerEmail, ["self"] = true };
        json["organizer"] = new JsonObject { ["email"] = e.OrganizerEmail, ["self"] = true };
        Copy(fields, json, "start", "end", "endTimeUnspecified", "recurrence");
        json["iCalUID"] = $"{e.Id}@google.com";
        json["sequence"] = e.Sequence;
        Copy(fields, json, "attendees", "guestsCanInviteOthers", "guestsCanModify", "guestsCanSeeOtherGuests", "anyoneCanAddSelf");
        if (e.Conference is { } conference)
        {
            if (conference.HangoutLink(links.MeetBase) is { } hangoutLink)
            {
                json["hangoutLink"] = hangoutLink;
            }

            json["conferenceData"] = conference.ToJson(links.MeetBase, links.MeetIcon);
        }

        json["reminders"] = fields["reminders"]?.DeepClone() ?? new JsonObject { ["useDefault"] = true };
        Copy(fields, json, "extendedProperties", "transparency", "visibility", "source", "attachments");
        json["eventType"] = "default";
        return json;
    }

    /// <summary>The eid of htmlLink: base64url of "{eventId} {calendar e-mail}", as Google builds it.</summary>
    public static string Eid(GoogleEvent e) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{e.Id} {e.OrganizerEmail}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string EventId, string CalendarEmail)? ReadEid(string? eid)
    {
        if (string.IsNullOrEmpty(eid))
        {
            return null;
        }

        try
        {
            var padded = eid.Replace('-', '+').Replace('_', '/').PadRight(eid.Length + ((4 - (eid.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(' ', 2);
            return parts.Length == 2 ? (parts[0], parts[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Copy(JsonObject from, JsonObject to, params string[] names)
    {
        foreach (var name in names)
        {
            if (from[name] is { } value)
            {
                to[name] = value.DeepClone();
            }
        }
    }
}
