using System.Text.Json.Nodes;

namespace Telemed.Sandbox.Google.Calendar;

/// <summary>
/// The Meet conference of an event. The meeting code is reserved when the conference is requested but shown only once
/// creation has succeeded; a pending one turns to success after <see cref="PendingGetsLeft"/> more events.get calls.
/// </summary>
public sealed record GoogleConference
{
    public const string HangoutsMeet = "hangoutsMeet";

    /// <summary>The createRequest's requestId; a repeat of it is ignored. Null for conference data copied from elsewhere.</summary>
    public string? RequestId { get; init; }

    public required GoogleConferenceOutcome Status { get; init; }

    /// <summary>The Meet code, <c>abc-defg-hij</c>.</summary>
    public required string Code { get; init; }

    /// <summary>PIN of the phone entry points.</summary>
    public required string Pin { get; init; }

    public int PendingGetsLeft { get; init; }

    /// <summary>Conference data the client copied onto the event (conferenceSolution and entryPoints), kept as sent.</summary>
    public JsonObject? Copied { get; init; }

    /// <summary>The link patients and the host follow, once the conference exists.</summary>
    public string? HangoutLink(string meetBase) => Copied is not null
        ? (Copied["entryPoints"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => (string?)p["entryPointType"] == "video")?["uri"]?.GetValue<string>()
        : Status == GoogleConferenceOutcome.Success ? $"{meetBase}/{Code}" : null;

    public JsonObject ToJson(string meetBase, string iconUri)
    {
        if (Copied is not null)
        {
            return (JsonObject)Copied.DeepClone();
        }

        var data = new JsonObject
        {
            ["createRequest"] = new JsonObject
            {
                ["requestId"] = RequestId,
                ["conferenceSolutionKey"] = new JsonObject { ["type"] = HangoutsMeet },
                ["status"] = new JsonObject { ["statusCode"] = Status.ToString().ToLowerInvariant() },
            },
        };
        if (Status != GoogleConferenceOutcome.Success)
        {
            return data;
        }

        var link = $"{meetBase}/{Code}";
        var phone = $"+1 206-555-01{Pin[^2..]}";
        data["entryPoints"] = new JsonArray(
            new JsonObject { ["entryPointType"] = "video", ["uri"] = link, ["label"] = WithoutScheme(link) },
            new JsonObject { ["entryPointType"] = "phone", ["uri"] = "tel:" + phone.Replace(' ', '-'), ["label"] = phone, ["pin"] = Pin, ["regionCode"] = "US" },
            new JsonObject { ["entryPointType"] = "more", ["uri"] = $"{link}?pin={Pin}", ["pin"] = Pin });
        data["conferenceSolution"] = new JsonObject
        {
            ["key"] = new JsonObject { ["type"] = HangoutsMeet },
            ["name"] = "Google Meet",
            ["iconUri"] = iconUri,
        };
        data["conferenceId"] = Code;
        return data;
    }

    private static string WithoutScheme(string uri) =>
        uri.StartsWith("https://", StringComparison.Ordinal) ? uri[8..] : uri.StartsWith("http://", StringComparison.Ordinal) ? uri[7..] : uri;
}
