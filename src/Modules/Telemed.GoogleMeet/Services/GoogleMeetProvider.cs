using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Telemed.Core.Clinic;
using Telemed.GoogleMeet.Data;
using Telemed.GoogleMeet.Models;
using Telemed.Meetings.Providers;

namespace Telemed.GoogleMeet.Services;

/// <summary>
/// Google Meet as a meeting provider: an event with a Meet conference on the host's primary Google Calendar. Summary and
/// description come from the clinic's meeting-details template. Google tells nobody when the host deletes the event in
/// their calendar, so the meetings module looks it up before the start (<see cref="ReportsDeletions"/> is false).
/// </summary>
public sealed class GoogleMeetProvider(
    GoogleCalendarClient calendar,
    GoogleMeetSettingsStore settingsStore,
    IOptions<GoogleOptions> options,
    IEnumerable<IMeetingDetailsTemplates> templates) : IMeetingProvider
{
    /// <summary>The private extended property that carries the slot's marker, so a create whose answer was lost is found again.</summary>
    public const string MarkerProperty = "telemedRef";

    public string Id => GoogleMeetStartup.ProviderId;

    public string Name => GoogleMeetStartup.ProviderName;

    public bool NeedsHostConnection => true;

    public bool ReportsDeletions => false;

    /// <summary>Meet has no start link of its own: the host joins by the same link, signed in as the event's organizer.</summary>
    public string HostActionLabel => "Join as host";

    public async Task<Unavailable?> WhyUnavailableAsync(CancellationToken cancellationToken) =>
        (await settingsStore.GetAsync(cancellationToken)).Enabled
            ? null
            : new Unavailable("google_meet_disabled", "Google Meet is turned off for this clinic, so no meeting is made.");

    public async Task<MeetingText> DescribeAsync(AppointmentChanged appointment, string clinicName, string marker, CancellationToken cancellationToken)
    {
        var (topic, agenda) = templates.FirstOrDefault() is { } clinicTemplates
            ? await clinicTemplates.RenderAsync(appointment, cancellationToken)
            : ($"{appointment.ServiceName} with {appointment.HostName}", $"Video consultation at {clinicName}.");
        return new MeetingText(Limit(string.IsNullOrWhiteSpace(topic) ? "Video consultation" : topic.Trim(), 1024), Limit(agenda.Trim(), 8000));
    }

    /// <summary>Meet has no passcode: the link is the way in, and the host admits whoever Google does not know.</summary>
    public Task<string?> NewPasscodeAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<ProviderMeeting> CreateAsync(ProviderAccess access, MeetingSpec meeting, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var token = access.RequiredToken;
        for (var generation = 0; generation < GoogleEventIds.MaxGenerations; generation++)
        {
            var id = GoogleEventIds.For(meeting.Marker, generation);
            var wanted = EventOf(meeting, settings);
            wanted.Id = id;
            wanted.ExtendedProperties = new GoogleExtendedProperties(new Dictionary<string, string> { [MarkerProperty] = meeting.Marker });
            wanted.ConferenceData = NewConference(id);
            try
            {
                return await ReadyAsync(token, await calendar.InsertAsync(token, wanted, settings.SendUpdates, cancellationToken), cancellationToken);
            }
            catch (GoogleApiException exception) when (exception.IsDuplicate)
            {
                var existing = await calendar.GetAsync(token, id, cancellationToken);
                if (existing.IsCancelled)
                {
                    continue; // deleted in the calendar earlier; its id stays taken
                }

                // An earlier create got through although its answer was lost: keep that event, brought up to date.
                var current = await calendar.PatchAsync(token, id, EventOf(meeting, settings), settings.SendUpdates, cancellationToken);
                return await ReadyAsync(token, current, cancellationToken);
            }
        }

        throw new GoogleApiException($"Every event id of this appointment is used by a deleted event ({GoogleEventIds.MaxGenerations}); no new event can be made.");
    }

    /// <summary>Moves the event and renews its text; the conference, and so the Meet link, stays.</summary>
    public async Task UpdateAsync(ProviderAccess access, string externalId, MeetingSpec meeting, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var updated = await calendar.PatchAsync(access.RequiredToken, externalId, EventOf(meeting, settings), settings.SendUpdates, cancellationToken);
        if (updated.IsCancelled)
        {
            throw Deleted(externalId);
        }
    }

    public async Task DeleteAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        await calendar.DeleteAsync(access.RequiredToken, externalId, settings.SendUpdates, cancellationToken);
    }

    public async Task<ProviderMeeting> GetAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken)
    {
        var found = await calendar.GetAsync(access.RequiredToken, externalId, cancellationToken);
        return found.IsCancelled ? throw Deleted(externalId) : ToMeeting(found);
    }

    public async Task<ProviderMeeting?> FindByMarkerAsync(ProviderAccess access, string marker, CancellationToken cancellationToken)
    {
        var token = access.RequiredToken;
        var found = (await calendar.FindByPrivatePropertyAsync(token, MarkerProperty, marker, cancellationToken)).OrderBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault();
        return found is null ? null : await ReadyAsync(token, found, cancellationToken);
    }

    /// <summary>A Meet call ends when its people leave; Calendar has nothing to end.</summary>
    public Task EndAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The event once its conference has a link. Google may answer "pending" first: look again after each of
    /// <see cref="GoogleOptions.ConferencePollDelays"/>, then leave it to the job's retry (which finds the event by its id).
    /// A failed conference is asked for again under a new request id.
    /// </summary>
    private async Task<ProviderMeeting> ReadyAsync(IAccessToken token, GoogleEvent calendarEvent, CancellationToken cancellationToken)
    {
        var id = calendarEvent.Id!;
        if (calendarEvent.ConferenceStatus is null or "failure")
        {
            var retry = new GoogleEvent { ConferenceData = NewConference(id, attempt: Random.Shared.Next(1, int.MaxValue)) };
            calendarEvent = await calendar.PatchAsync(token, id, retry, GoogleSendUpdates.None, cancellationToken);
        }

        foreach (var delay in options.Value.EffectiveConferencePollDelays.Prepend(TimeSpan.Zero))
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
                calendarEvent = await calendar.GetAsync(token, id, cancellationToken);
            }

            if (calendarEvent.ConferenceStatus == "success" && calendarEvent.MeetLink is not null)
            {
                return ToMeeting(calendarEvent);
            }

            if (calendarEvent.ConferenceStatus == "failure")
            {
                break;
            }
        }

        throw new GoogleConferencePendingException(calendarEvent.ConferenceStatus == "failure"
            ? $"Google could not make the Meet conference of event {id}; asking again."
            : $"Google is still making the Meet link of event {id}.");
    }

    private static GoogleEvent EventOf(MeetingSpec meeting, GoogleMeetSettings settings) => new()
    {
        Summary = meeting.Topic,
        Description = meeting.Agenda,
        Start = TimeOf(meeting.StartUtc, meeting.TimeZone),
        End = TimeOf(meeting.StartUtc.AddMinutes(meeting.DurationMinutes), meeting.TimeZone),
        Attendees = settings.InvitePatients
            ? meeting.Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Email)).Select(a => new GoogleAttendee(a.Email!, a.Name)).ToList()
            : null,
        Reminders = new GoogleReminders(UseDefault: true),
    };

    private static GoogleConferenceData NewConference(string eventId, int attempt = 0) => new()
    {
        CreateRequest = new GoogleCreateConferenceRequest(GoogleEventIds.ConferenceRequest(eventId, attempt), new GoogleConferenceSolutionKey("hangoutsMeet")),
    };

    /// <summary>RFC 3339 in the appointment's zone with its offset, and the zone named, so the host's calendar shows local time.</summary>
    internal static GoogleEventTime TimeOf(DateTimeOffset utc, string timeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return new GoogleEventTime(utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "UTC");
        }

        return new GoogleEventTime(TimeZoneInfo.ConvertTime(utc, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), timeZone);
    }

    private static ProviderMeeting ToMeeting(GoogleEvent calendarEvent)
    {
        var link = calendarEvent.MeetLink;
        // authuser picks the organizer's account in a browser signed in to several, so the host joins as host.
        var hostLink = link is null || calendarEvent.Organizer?.Email is not { Length: > 0 } organizer
            ? link
            : link + (link.Contains('?') ? "&" : "?") + "authuser=" + Uri.EscapeDataString(organizer);
        return new ProviderMeeting(calendarEvent.Id!, link, hostLink, Passcode: null);
    }

    private static GoogleApiException Deleted(string eventId) =>
        new($"The Google Calendar event {eventId} was deleted.", HttpStatusCode.Gone, "deleted");

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
