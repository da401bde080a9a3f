using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Telemed.Sandbox.Google.Accounts;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// The fields of an Event a client may write, how a patch merges into them (objects merge, arrays are replaced whole,
/// null removes), and the checks Google makes before it stores them. Read-only fields a client sends are ignored.
/// </summary>
internal static partial class GoogleEventBody
{
    /// <summary>Writable fields, in the order answers show them. id, status and conferenceData are handled on their own.</summary>
    public static readonly IReadOnlyList<string> Writable =
    [
        "summary", "description", "location", "colorId", "start", "end", "endTimeUnspecified", "recurrence", "attendees",
        "guestsCanInviteOthers", "guestsCanModify", "guestsCanSeeOtherGuests", "anyoneCanAddSelf", "reminders",
        "extendedProperties", "transparency", "visibility", "source", "attachments",
    ];

    /// <summary>A validated set of fields with the instants lists and sequence numbers need.</summary>
    public sealed record Validated(JsonObject Fields, DateTimeOffset Start, DateTimeOffset End);

    /// <summary>The writable fields of a request body; nulls are kept only for a patch, where they remove the field.</summary>
    public static JsonObject PickWritable(JsonObject body, bool keepNulls)
    {
        var picked = new JsonObject();
        foreach (var name in Writable)
        {
            if (body.TryGetPropertyValue(name, out var value) && (value is not null || keepNulls))
            {
                picked[name] = value?.DeepClone();
            }
        }

        return picked;
    }

    /// <summary>Google's patch semantics: present fields replace, nested objects merge, arrays are replaced whole, null removes.</summary>
    public static JsonObject Merge(JsonObject current, JsonObject patch)
    {
        var merged = (JsonObject)current.DeepClone();
        MergeInto(merged, patch);
        return merged;
    }

    public static (Validated? Event, IResult? Error) Validate(JsonObject fields, GoogleAccount organizer)
    {
        var (start, startError) = GoogleEventTimes.Read(fields["start"], "start");
        if (startError is not null)
        {
            return (null, startError);
        }

        var (end, endError) = GoogleEventTimes.Read(fields["end"], "end");
        if (endError is not null)
        {
            return (null, endError);
        }

        if (start!.AllDay != end!.AllDay)
        {
            return (null, GoogleErrors.Invalid("Start and end times must either both be date or both be dateTime."));
        }

        if (end.Instant < start.Instant)
        {
            return (null, GoogleErrors.TimeRangeEmpty());
        }

        var normalized = (JsonObject)fields.DeepClone();
        normalized["start"] = start.Shown;
        normalized["end"] = end.Shown;
        var error = NormalizeAttendees(normalized, organizer) ?? NormalizeExtendedProperties(normalized);
        return error is null ? (new Validated(normalized, start.Instant, end.Instant), null) : (null, error);
    }

    /// <summary>A client-chosen id: base32hex (lowercase a–v, 0–9), 5 to 1024 characters.</summary>
    public static bool IsValidId(string id) => ClientId().IsMatch(id);

    /// <summary>The status a body asks for, the current one when it asks none, or an error for an unknown value.</summary>
    public static (string? Status, IResult? Error) ReadStatus(JsonObject body, string current)
    {
        if (!body.TryGetPropertyValue("status", out var node) || node is null)
        {
            return (current, null);
        }

        var status = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return status is GoogleEvent.Confirmed or GoogleEvent.Tentative or GoogleEvent.Cancelled
            ? (status, null)
            : (null, GoogleErrors.Invalid("Invalid value for: status"));
    }

    private static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                MergeInto(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    /// <summary>Every attendee needs an e-mail; Google fills responseStatus and marks the organizer's own entry.</summary>
    private static IResult? NormalizeAttendees(JsonObject fields, GoogleAccount organizer)
    {
        if (fields["attendees"] is null)
        {
            return null;
        }

        if (fields["attendees"] is not JsonArray attendees || attendees.Any(a => a is not JsonObject))
        {
            return GoogleErrors.Invalid("Invalid attendees value.");
        }

        foreach (var attendee in attendees.Cast<JsonObject>())
        {
            var email = attendee["email"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : null;
            if (string.IsNullOrEmpty(email))
            {
                return GoogleErrors.Required("Missing attendee email.");
            }

            if (!GoogleAccountDirectory.IsEmail(email))
            {
                return GoogleErrors.Invalid("Invalid attendee email.");
            }

            attendee["email"] = email;
            attendee["responseStatus"] ??= "needsAction";
            attendee.Remove("self");
            attendee.Remove("organizer");
            if (string.Equals(email, organizer.Email, StringComparison.OrdinalIgnoreCase))
            {
                attendee["organizer"] = true;
                attendee["self"] = true;
            }
        }

        return null;
    }

    /// <summary>extendedProperties.private and .shared are maps of strings; scalar values are kept as their text.</summary>
    private static IResult? NormalizeExtendedProperties(JsonObject fields)
    {
        if (fields["extendedProperties"] is null)
        {
            return null;
        }

        if (fields["extendedProperties"] is not JsonObject properties)
        {
            return GoogleErrors.Invalid("Invalid extendedProperties value.");
        }

        foreach (var scope in new[] { "private", "shared" })
        {
            if (properties[scope] is null)
            {
                continue;
            }

            if (properties[scope] is not JsonObject map || map.Any(p => p.Value is not (null or JsonValue)))
            {
                return GoogleErrors.Invalid($"Invalid extendedProperties.{scope} value.");
            }

            foreach (var (key, value) in map.ToList())
            {
                if (value is null)
                {
                    map.Remove(key);
                }
                else if (value.GetValueKind() != JsonValueKind.String)
                {
                    map[key] = value.ToJsonString();
                }
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-v0-9]{5,1024}$")]
    private static partial Regex ClientId();
}
