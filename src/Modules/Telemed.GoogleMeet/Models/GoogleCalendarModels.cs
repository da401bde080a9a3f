using System.Text.Json.Serialization;

namespace Telemed.GoogleMeet.Models;

// The subset of Calendar v3's Event that meetings use (google-calendar-v3-discovery.json, schema Event). Null fields are
// left out of requests, which is what makes a PATCH change only what it names.

public sealed class GoogleEvent
{
    public string? Id { get; set; }
    public string? Status { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public GoogleEventTime? Start { get; set; }
    public GoogleEventTime? End { get; set; }
    public List<GoogleAttendee>? Attendees { get; set; }
    public string? HangoutLink { get; set; }
    public string? HtmlLink { get; set; }
    public GoogleConferenceData? ConferenceData { get; set; }
    public GoogleExtendedProperties? ExtendedProperties { get; set; }
    public GoogleReminders? Reminders { get; set; }
    public GooglePerson? Organizer { get; set; }

    [JsonIgnore]
    public bool IsCancelled => Status == "cancelled";

    /// <summary>The Meet link: the video entry point's address, else the read-only hangoutLink.</summary>
    [JsonIgnore]
    public string? MeetLink => ConferenceData?.EntryPoints?.FirstOrDefault(e => e.EntryPointType == "video")?.Uri ?? HangoutLink;

    /// <summary>success, pending or failure; null when the event has no conference.</summary>
    [JsonIgnore]
    public string? ConferenceStatus => ConferenceData?.CreateRequest?.Status?.StatusCode ?? (MeetLink is null ? null : "success");
}

public sealed record GoogleEventTime(string? DateTime, string? TimeZone);

public sealed record GoogleAttendee(string Email, string? DisplayName = null, string? ResponseStatus = null);

public sealed record GooglePerson(string? Email, bool? Self = null);

public sealed record GoogleReminders(bool UseDefault);

public sealed record GoogleExtendedProperties(Dictionary<string, string>? Private);

public sealed class GoogleConferenceData
{
    public GoogleCreateConferenceRequest? CreateRequest { get; set; }
    public List<GoogleEntryPoint>? EntryPoints { get; set; }
    public string? ConferenceId { get; set; }
}

public sealed record GoogleCreateConferenceRequest(string RequestId, GoogleConferenceSolutionKey ConferenceSolutionKey, GoogleConferenceStatus? Status = null);

public sealed record GoogleConferenceSolutionKey(string Type);

public sealed record GoogleConferenceStatus(string StatusCode);

public sealed record GoogleEntryPoint(string EntryPointType, string? Uri, string? Label = null, string? Pin = null);

public sealed record GoogleEventList(List<GoogleEvent>? Items, string? NextPageToken);

public sealed record GoogleUserInfo(string Sub, string? Email, string? Name);

/// <summary>Google's error body: <c>{"error": {"code", "message", "errors": [{"domain", "reason", "message"}]}}</c>.</summary>
public sealed record GoogleErrorBody(GoogleError? Error);

public sealed record GoogleError(int Code, string? Message, List<GoogleErrorItem>? Errors);

public sealed record GoogleErrorItem(string? Domain, string? Reason, string? Message);
