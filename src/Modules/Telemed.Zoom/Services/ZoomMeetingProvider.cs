using System.Globalization;
using Telemed.Core.Clinic;
using Telemed.Meetings.Providers;
using Telemed.Zoom.Models;

namespace Telemed.Zoom.Services;

/// <summary>
/// Zoom as a meeting provider: meetings on the host's own Zoom account, shaped by the clinic's Zoom settings.
/// Topic and agenda come from the clinic's meeting-details template when the notifications module is installed, else
/// from the plain-token templates of the Zoom settings.
/// </summary>
public sealed class ZoomMeetingProvider(ZoomApiClient api, ZoomSettingsStore settingsStore, IEnumerable<IMeetingDetailsTemplates> templates) : IMeetingProvider
{
    public string Id => ZoomStartup.ProviderId;

    public string Name => ZoomStartup.ProviderName;

    public bool NeedsHostConnection => true;

    public async Task<Unavailable?> WhyUnavailableAsync(CancellationToken cancellationToken) =>
        (await settingsStore.GetAsync(cancellationToken)).Enabled ? null : new Unavailable("zoom_disabled", "Zoom is turned off for this clinic, so no meeting is made.");

    public async Task<MeetingText> DescribeAsync(AppointmentChanged appointment, string clinicName, string marker, CancellationToken cancellationToken)
    {
        if (templates.FirstOrDefault() is { } clinicTemplates)
        {
            var (topic, agenda) = await clinicTemplates.RenderAsync(appointment, cancellationToken);
            return ZoomMeetingText.Fit(topic, agenda, marker);
        }
        var settings = await settingsStore.GetAsync(cancellationToken);
        return ZoomMeetingText.Fit(ZoomMeetingText.Render(settings.TopicTemplate, appointment, clinicName),
            ZoomMeetingText.Render(settings.AgendaTemplate, appointment, clinicName), marker);
    }

    public async Task<string?> NewPasscodeAsync(CancellationToken cancellationToken) =>
        (await settingsStore.GetAsync(cancellationToken)).RandomPasscode ? ZoomMeetingText.NewPasscode() : null;

    public async Task<ProviderMeeting> CreateAsync(ProviderAccess access, MeetingSpec meeting, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var created = await api.CreateMeetingAsync(access.RequiredToken, new ZoomMeetingRequest
        {
            Topic = meeting.Topic,
            Type = 2,
            StartTime = FormatUtc(meeting.StartUtc),
            Duration = meeting.DurationMinutes,
            Timezone = meeting.TimeZone,
            Agenda = meeting.Agenda,
            Password = meeting.Passcode,
            Settings = new ZoomMeetingSettingsRequest
            {
                HostVideo = settings.HostVideo,
                ParticipantVideo = settings.ParticipantVideo,
                JoinBeforeHost = settings.JoinBeforeHost && !settings.WaitingRoom,
                MuteUponEntry = settings.MuteUponEntry,
                WaitingRoom = settings.WaitingRoom,
                ApprovalType = 2,
                AutoRecording = "none",
                PrivateMeeting = true,
                EmailNotification = false,
            },
        }, cancellationToken);
        return ToMeeting(created);
    }

    public Task UpdateAsync(ProviderAccess access, string externalId, MeetingSpec meeting, CancellationToken cancellationToken) =>
        api.UpdateMeetingAsync(access.RequiredToken, IdOf(externalId), new ZoomMeetingRequest
        {
            Topic = meeting.Topic,
            StartTime = FormatUtc(meeting.StartUtc),
            Duration = meeting.DurationMinutes,
            Timezone = meeting.TimeZone,
            Agenda = meeting.Agenda,
        }, cancellationToken);

    public async Task DeleteAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken)
    {
        var id = IdOf(externalId);
        try
        {
            await api.DeleteMeetingAsync(access.RequiredToken, id, cancellationToken);
        }
        catch (ZoomApiException exception) when (exception.Code == 3002)
        {
            // In progress: end it, then delete.
            await api.EndMeetingAsync(access.RequiredToken, id, cancellationToken);
            await api.DeleteMeetingAsync(access.RequiredToken, id, cancellationToken);
        }
    }

    public async Task<ProviderMeeting> GetAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken) =>
        ToMeeting(await api.GetMeetingAsync(access.RequiredToken, IdOf(externalId), cancellationToken));

    public async Task<ProviderMeeting?> FindByMarkerAsync(ProviderAccess access, string marker, CancellationToken cancellationToken)
    {
        var found = (await api.ListMeetingsAsync(access.RequiredToken, cancellationToken))
            .Where(m => m.Agenda?.Contains(marker, StringComparison.Ordinal) == true)
            .OrderBy(m => m.Id)
            .FirstOrDefault();
        // The list carries no start link: read the meeting itself.
        return found is null ? null : ToMeeting(await api.GetMeetingAsync(access.RequiredToken, found.Id, cancellationToken));
    }

    public Task EndAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken) =>
        api.EndMeetingAsync(access.RequiredToken, IdOf(externalId), cancellationToken);

    internal static string FormatUtc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ProviderMeeting ToMeeting(ZoomMeetingDetails details) =>
        new(details.Id.ToString(CultureInfo.InvariantCulture), details.JoinUrl, details.StartUrl, details.Password, details.Status);

    private static long IdOf(string externalId) =>
        long.TryParse(externalId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new ZoomApiException($"'{externalId}' is not a Zoom meeting id.", System.Net.HttpStatusCode.NotFound, 3001);
}
