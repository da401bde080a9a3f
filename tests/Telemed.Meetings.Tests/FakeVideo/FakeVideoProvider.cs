using Telemed.Core.Clinic;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Tests.FakeVideo;

/// <summary>A provider with a clinic-wide account (no host connection), keeping its meetings in memory.</summary>
public sealed class FakeVideoProvider(FakeVideoService video) : IMeetingProvider
{
    public string Id => FakeVideoStartup.ProviderId;
    public string Name => FakeVideoStartup.ProviderName;
    public bool NeedsHostConnection => false;

    public Task<Unavailable?> WhyUnavailableAsync(CancellationToken cancellationToken) => Task.FromResult<Unavailable?>(null);

    public Task<MeetingText> DescribeAsync(AppointmentChanged appointment, string clinicName, string marker, CancellationToken cancellationToken) =>
        Task.FromResult(new MeetingText($"{appointment.ServiceName} with {appointment.HostName}", $"At {clinicName}. {marker}"));

    public Task<string?> NewPasscodeAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("fake1234");

    public Task<ProviderMeeting> CreateAsync(ProviderAccess access, MeetingSpec meeting, CancellationToken cancellationToken) =>
        Task.FromResult(ToMeeting(video.Create(meeting.Topic, meeting.Agenda, meeting.StartUtc, meeting.DurationMinutes, meeting.Passcode)));

    public Task UpdateAsync(ProviderAccess access, string externalId, MeetingSpec meeting, CancellationToken cancellationToken)
    {
        var found = Find(externalId);
        video.Meetings[externalId] = found with { Topic = meeting.Topic, Start = meeting.StartUtc, Minutes = meeting.DurationMinutes };
        video.Calls.Enqueue($"update {externalId}");
        return Task.CompletedTask;
    }

    public Task DeleteAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken)
    {
        if (video.Meetings.TryGetValue(externalId, out var found))
        {
            found.Deleted = true;
        }

        video.Calls.Enqueue($"delete {externalId}");
        return Task.CompletedTask;
    }

    public Task<ProviderMeeting> GetAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken) => Task.FromResult(ToMeeting(Find(externalId)));

    public Task<ProviderMeeting?> FindByMarkerAsync(ProviderAccess access, string marker, CancellationToken cancellationToken) =>
        Task.FromResult(video.Live(marker).OrderBy(m => m.Id).Select(ToMeeting).FirstOrDefault());

    public Task EndAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken)
    {
        Find(externalId).Running = false;
        video.Calls.Enqueue($"end {externalId}");
        return Task.CompletedTask;
    }

    private FakeMeeting Find(string externalId) =>
        video.Meetings.TryGetValue(externalId, out var found) && !found.Deleted ? found : throw new GoneException(externalId);

    private static ProviderMeeting ToMeeting(FakeMeeting meeting) =>
        new(meeting.Id, meeting.JoinUrl, $"https://fake.video.test/s/{meeting.Id}?host=1", meeting.Passcode, meeting.Running ? "started" : "waiting");

    private sealed class GoneException(string id) : MeetingProviderException($"Fake Video has no meeting {id}.")
    {
        public override bool IsGone => true;
    }
}
