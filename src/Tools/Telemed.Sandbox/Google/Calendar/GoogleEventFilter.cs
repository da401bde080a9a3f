using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// The filters and order of events.list: timeMin (exclusive bound on the end), timeMax (exclusive bound on the start),
/// showDeleted, updatedMin (which also brings back cancelled events), private/sharedExtendedProperty (all must match),
/// q, iCalUID, and orderBy (startTime needs singleEvents=true).
/// </summary>
internal sealed record GoogleEventFilter(
    DateTimeOffset? TimeMin,
    DateTimeOffset? TimeMax,
    DateTimeOffset? UpdatedMin,
    bool ShowDeleted,
    string? OrderBy,
    IReadOnlyList<KeyValuePair<string, string>> PrivateProperties,
    IReadOnlyList<KeyValuePair<string, string>> SharedProperties,
    string? Text,
    string? ICalUid)
{
    public static (GoogleEventFilter? Filter, IResult? Error) Read(IQueryCollection query)
    {
        string? Param(string name) => query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

        var (timeMin, timeMax, updatedMin) = (Param("timeMin"), Param("timeMax"), Param("updatedMin"));
        var min = GoogleEventTimes.ParseBound(timeMin);
        var max = GoogleEventTimes.ParseBound(timeMax);
        var updated = GoogleEventTimes.ParseBound(updatedMin);
        if ((timeMin is not null && min is null) || (timeMax is not null && max is null) || (updatedMin is not null && updated is null))
        {
            return (null, GoogleErrors.BadRequest());
        }

        if (min is not null && max is not null && max <= min)
        {
            return (null, GoogleErrors.TimeRangeEmpty("timeMax"));
        }

        var (showDeleted, singleEvents) = (Param("showDeleted"), Param("singleEvents"));
        if (showDeleted is not (null or "true" or "false") || singleEvents is not (null or "true" or "false"))
        {
            var name = showDeleted is not (null or "true" or "false") ? "showDeleted" : "singleEvents";
            return (null, GoogleErrors.InvalidParameter(name, $"Invalid boolean value: '{Param(name)}'."));
        }

        var orderBy = Param("orderBy");
        if (orderBy is not (null or "startTime" or "updated"))
        {
            return (null, GoogleErrors.InvalidParameter("orderBy", $"Invalid string value: '{orderBy}'. Allowed values: [startTime, updated]"));
        }

        if (orderBy == "startTime" && singleEvents != "true")
        {
            return (null, GoogleErrors.BadRequest("The requested ordering is not available for the particular query."));
        }

        var (privateProperties, privateError) = ReadConstraints(query, "privateExtendedProperty");
        var (sharedProperties, sharedError) = ReadConstraints(query, "sharedExtendedProperty");
        if ((privateError ?? sharedError) is { } constraintError)
        {
            return (null, constraintError);
        }

        return (new GoogleEventFilter(min, max, updated, showDeleted == "true", orderBy, privateProperties!, sharedProperties!, Param("q"), Param("iCalUID")), null);
    }

    public IReadOnlyList<GoogleEvent> Apply(IEnumerable<GoogleEvent> events)
    {
        var matching = events.Where(Matches);
        return (OrderBy switch
        {
            "startTime" => matching.OrderBy(e => e.Start).ThenBy(e => e.Ordinal),
            "updated" => matching.OrderBy(e => e.Updated).ThenBy(e => e.Ordinal),
            _ => matching.OrderBy(e => e.Ordinal),
        }).ToArray();
    }

    private bool Matches(GoogleEvent e) =>
        (!e.IsCancelled || ShowDeleted || UpdatedMin is not null)
        && (TimeMin is null || e.End > TimeMin)
        && (TimeMax is null || e.Start < TimeMax)
        && (UpdatedMin is null || e.Updated >= UpdatedMin)
        && HasAll(e, "private", PrivateProperties)
        && HasAll(e, "shared", SharedProperties)
        && (ICalUid is null || ICalUid == $"{e.Id}@google.com")
        && (Text is null || Searchable(e).Any(s => s.Contains(Text, StringComparison.OrdinalIgnoreCase)));

    private static bool HasAll(GoogleEvent e, string scope, IReadOnlyList<KeyValuePair<string, string>> constraints) =>
        constraints.All(c => e.Fields["extendedProperties"]?[scope]?[c.Key] is JsonValue value && value.TryGetValue<string>(out var text) && text == c.Value);

    private static IEnumerable<string> Searchable(GoogleEvent e)
    {
        yield return e.OrganizerEmail;
        foreach (var name in new[] { "summary", "description", "location" })
        {
            if (e.Fields[name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                yield return text;
            }
        }

        foreach (var attendee in (e.Fields["attendees"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var name in new[] { "email", "displayName" })
            {
                if (attendee[name] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>Reads repeated <c>name=key=value</c> constraints; the value may itself contain '='.</summary>
    private static (IReadOnlyList<KeyValuePair<string, string>>? Constraints, IResult? Error) ReadConstraints(IQueryCollection query, string parameter)
    {
        var constraints = new List<KeyValuePair<string, string>>();
        foreach (var constraint in query[parameter])
        {
            var equals = constraint?.IndexOf('=') ?? -1;
            if (equals <= 0)
            {
                return (null, GoogleErrors.InvalidParameter(parameter, $"Invalid {parameter} value: expected propertyName=value."));
            }

            constraints.Add(new(constraint![..equals], constraint[(equals + 1)..]));
        }

        return (constraints, null);
    }
}
