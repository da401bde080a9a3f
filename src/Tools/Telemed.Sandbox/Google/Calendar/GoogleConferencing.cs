using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// What a write does to an event's conference. With conferenceDataVersion=0 the body's conferenceData is ignored
/// (a new event gets none, an existing one keeps its own). With 1: a createRequest with a new requestId makes a new
/// Meet conference and a repeated requestId is ignored; conferenceData absent from a patch keeps the conference,
/// absent from an update (PUT) removes it, and null removes it.
/// </summary>
internal static class GoogleConferencing
{
    public enum Write
    {
        Insert,
        Patch,
        Replace,
    }

    public static (GoogleConference? Conference, IResult? Error) Apply(
        GoogleConference? current, JsonObject body, Write write, int conferenceDataVersion, Func<string, GoogleConference> create)
    {
        if (conferenceDataVersion == 0)
        {
            return (write == Write.Insert ? null : current, null);
        }

        if (!body.TryGetPropertyValue("conferenceData", out var node))
        {
            return (write == Write.Patch ? current : null, null);
        }

        if (node is null)
        {
            return (null, null);
        }

        if (node is not JsonObject data)
        {
            return (null, GoogleErrors.Invalid("Invalid conference data."));
        }

        if (data["createRequest"] is JsonObject createRequest)
        {
            var requestId = Text(createRequest["requestId"]);
            if (string.IsNullOrEmpty(requestId))
            {
                return (null, GoogleErrors.Invalid("Invalid conference create request: requestId is required."));
            }

            if (Text(createRequest["conferenceSolutionKey"]?["type"]) != GoogleConference.HangoutsMeet)
            {
                return (null, GoogleErrors.Invalid("Invalid conference type value."));
            }

            return current?.RequestId == requestId ? (current, null) : (create(requestId), null);
        }

        // The client sent back the conference it read: nothing changes.
        var conferenceId = Text(data["conferenceId"]);
        if (current is not null && conferenceId is not null && conferenceId == current.Code)
        {
            return (current, null);
        }

        if (data["conferenceSolution"] is JsonObject && data["entryPoints"] is JsonArray { Count: > 0 })
        {
            var copied = new JsonObject();
            foreach (var name in new[] { "conferenceSolution", "entryPoints", "conferenceId", "notes", "parameters" })
            {
                if (data[name] is { } value)
                {
                    copied[name] = value.DeepClone();
                }
            }

            return (new GoogleConference { Status = GoogleConferenceOutcome.Success, Code = conferenceId ?? "", Pin = "", Copied = copied }, null);
        }

        return (null, GoogleErrors.Invalid("Invalid conference data."));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
