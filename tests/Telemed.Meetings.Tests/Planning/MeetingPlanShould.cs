using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Meetings.Events;
using Telemed.Meetings.Planning;
using Telemed.Meetings.Providers;
using Telemed.Meetings.Tests.FakeVideo;

namespace Telemed.Meetings.Tests.Planning;

/// <summary>The planner's decisions, without a database or a provider.</summary>
public sealed class MeetingPlanShould
{
    private static readonly DateTimeOffset Start = new(2031, 3, 10, 14, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddDays(-2);
    private static readonly IMeetingProvider Fake = new FakeVideoProvider(new FakeVideoService());
    private static readonly IMeetingProvider Hosted = new HostedProvider();

    [Theory]
    [InlineData(AppointmentChange.Booked, MeetingIntent.Live)]
    [InlineData(AppointmentChange.Rescheduled, MeetingIntent.Live)]
    [InlineData(AppointmentChange.Cancelled, MeetingIntent.Off)]
    [InlineData(AppointmentChange.Deleted, MeetingIntent.Off)]
    [InlineData(AppointmentChange.Completed, MeetingIntent.Ended)]
    [InlineData(AppointmentChange.NoShow, MeetingIntent.Ended)]
    public void AskOfTheMeetingWhatTheAppointmentChangeMeans(AppointmentChange change, MeetingIntent intent) => Assert.Equal(intent, MeetingPlan.IntentOf(change));

    [Theory]
    [InlineData(3, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(3, 4, false)]
    public void IgnoreAChangeOlderThanTheOneApplied(int applied, int incoming, bool late) =>
        Assert.Equal(late, MeetingPlan.IsLate(Appointment() with { Version = incoming }, new MeetingAppointment { AppliedVersion = applied }));

    [Fact]
    public void TakeAnyChangeOfAnAppointmentSeenForTheFirstTime() => Assert.False(MeetingPlan.IsLate(Appointment() with { Version = 1 }, null));

    [Fact]
    public void UseTheServicesProviderWhenItNamesOne() =>
        Assert.Equal("zoom", MeetingPlan.ProviderFor("zoom", [Connection("google-meet", connected: true, daysAgo: 1)], ["zoom", "google-meet"]));

    [Fact]
    public void UseTheProviderTheHostConnectedMostRecentlyWhenTheServiceLeavesItToThem() =>
        Assert.Equal("google-meet", MeetingPlan.ProviderFor(MeetingProviders.HostsConnected,
            [Connection("zoom", connected: true, daysAgo: 9), Connection("google-meet", connected: true, daysAgo: 1)], ["zoom", "google-meet"]));

    [Fact]
    public void PreferAWorkingConnectionToALostOneAndSkipProvidersNotInstalled() =>
        Assert.Equal("zoom", MeetingPlan.ProviderFor(MeetingProviders.HostsConnected,
            [Connection("zoom", connected: true, daysAgo: 9), Connection("google-meet", connected: false, daysAgo: 1), Connection("webex", connected: true, daysAgo: 0)],
            ["zoom", "google-meet"]));

    [Fact]
    public void FindNoProviderForAHostWithoutConnections() => Assert.Null(MeetingPlan.ProviderFor(MeetingProviders.HostsConnected, [], ["zoom"]));

    [Fact]
    public void SayWhyAnAppointmentGetsNoMeeting()
    {
        Assert.Equal(ReasonCodes.NotTelemed, MeetingPlan.WhyNoMeeting(Appointment() with { Telemed = false }, Ready(Fake), null)!.Code);
        Assert.Equal(ReasonCodes.NotTelemed, MeetingPlan.WhyNoMeeting(Appointment() with { MeetingProvider = MeetingProviders.None }, null, null)!.Code);
        Assert.Equal(ReasonCodes.HostNotConnected, MeetingPlan.WhyNoMeeting(Appointment(), null, null)!.Code);
        Assert.Equal(ReasonCodes.ProviderMissing, MeetingPlan.WhyNoMeeting(Appointment(), new ProviderReadiness("webex", "webex", null, null, null), null)!.Code);
        Assert.Equal("zoom_disabled", MeetingPlan.WhyNoMeeting(Appointment(), Ready(Fake) with { Unavailable = new Unavailable("zoom_disabled", "off") }, null)!.Code);
        Assert.Equal(ReasonCodes.HostNotConnected, MeetingPlan.WhyNoMeeting(Appointment(), Ready(Hosted), null)!.Code);
        Assert.Equal(ReasonCodes.ConnectionLost, MeetingPlan.WhyNoMeeting(Appointment(), Ready(Hosted) with { Connection = Connection("hosted", connected: false, daysAgo: 1) }, null)!.Code);
        Assert.Equal(ReasonCodes.MeetingCancelled, MeetingPlan.WhyNoMeeting(Appointment(), Ready(Fake), "doctor ill")!.Code);
        Assert.Null(MeetingPlan.WhyNoMeeting(Appointment(), Ready(Hosted) with { Connection = Connection("hosted", connected: true, daysAgo: 1) }, null));
        Assert.Null(MeetingPlan.WhyNoMeeting(Appointment(), Ready(Fake), null));
    }

    [Fact]
    public void WantTheMeetingAtTheAppointmentsTimeWithWholeMinutesAndTheHostsZone()
    {
        var meeting = New();
        var appointment = Appointment() with { EndUtc = Start.AddMinutes(29).AddSeconds(20) };

        MeetingPlan.Reconcile(meeting, anyActive: true, appointment, "fake-video", new MeetingText("Topic", "Agenda [ref]"), ended: false, Now);

        Assert.True(meeting.Wanted);
        Assert.Equal(Start, meeting.StartUtc);
        Assert.Equal(30, meeting.DurationMinutes);
        Assert.Equal("Europe/Madrid", meeting.TimeZone);
        Assert.Equal(("Topic", "Agenda [ref]"), (meeting.Topic, meeting.Agenda));
        Assert.Equal(MeetingRecord.Pending, meeting.State);
        Assert.Equal(2, meeting.DesiredVersion);
    }

    [Fact]
    public void KeepAGroupSlotsMeetingWhileAnyAppointmentIsActiveAndDropItWithTheLast()
    {
        var meeting = Created();

        MeetingPlan.Reconcile(meeting, anyActive: true, null, null, null, ended: false, Now);
        Assert.True(meeting.Wanted);
        MeetingPlan.Reconcile(meeting, anyActive: false, null, null, null, ended: false, Now);
        Assert.False(meeting.Wanted);
        Assert.Equal(4, meeting.DesiredVersion);
    }

    [Fact]
    public void EndTheMeetingWhenTheLastAppointmentIsOver()
    {
        var meeting = Created();

        MeetingPlan.Reconcile(meeting, anyActive: false, Appointment(AppointmentChange.Completed), null, null, ended: true, Now);

        Assert.True(meeting.EndRequested);
        Assert.True(meeting.Wanted);
    }

    [Fact]
    public void MakeANewMeetingWhenADeletedOneIsWantedAgain()
    {
        var meeting = Created();
        meeting.MarkDeleted();

        MeetingPlan.Reconcile(meeting, anyActive: true, Appointment(), "fake-video", new MeetingText("T", "A"), ended: false, Now);

        Assert.Null(meeting.ExternalId);
        Assert.Null(meeting.JoinUrl);
        Assert.Equal(MeetingRecord.Pending, meeting.State);
    }

    [Fact]
    public void KeepAMeetingThatExistsWithItsProviderWhenTheServiceChangesProvider()
    {
        var meeting = Created();

        MeetingPlan.Reconcile(meeting, anyActive: true, Appointment(AppointmentChange.Rescheduled) with { StartUtc = Start.AddHours(1), EndUtc = Start.AddHours(1).AddMinutes(30) },
            "zoom", new MeetingText("T", "A"), ended: false, Now);

        Assert.Equal("fake-video", meeting.Provider);
        Assert.Equal(MeetingRecord.Created, meeting.State);
        Assert.Equal(Start.AddHours(1), meeting.StartUtc);
    }

    [Theory]
    [InlineData(MeetingRecord.Created, null, null, "https://j/1", MeetingChange.Created)]
    [InlineData(MeetingRecord.Created, MeetingRecord.Pending, null, "https://j/1", MeetingChange.Created)]
    [InlineData(MeetingRecord.Created, MeetingRecord.Created, "https://j/1", "https://j/1", null)]
    [InlineData(MeetingRecord.Created, MeetingRecord.Created, "https://j/1", "https://j/2", MeetingChange.LinkChanged)]
    [InlineData(MeetingRecord.Failed, MeetingRecord.Pending, null, null, MeetingChange.Failed)]
    [InlineData(MeetingRecord.Failed, MeetingRecord.Failed, null, null, null)]
    [InlineData(MeetingRecord.Ended, MeetingRecord.Created, "https://j/1", "https://j/1", MeetingChange.Ended)]
    [InlineData(MeetingRecord.Deleted, MeetingRecord.Created, "https://j/1", null, MeetingChange.Deleted)]
    [InlineData(MeetingRecord.Deleted, null, null, null, null)]
    [InlineData(MeetingRecord.Pending, MeetingRecord.Created, "https://j/1", null, null)]
    public void AnnounceEachChangePeopleAreToldAboutOnce(string state, string? published, string? publishedUrl, string? url, MeetingChange? expected)
    {
        var meeting = new MeetingRecord { State = state, PublishedState = published, PublishedJoinUrl = publishedUrl, JoinUrl = url };

        Assert.Equal(expected, MeetingChanges.Detect(meeting));
    }

    private static AppointmentChanged Appointment(AppointmentChange change = AppointmentChange.Booked) => new(
        Guid.NewGuid(), change, "confirmed", Guid.NewGuid(), "Video visit", true, FakeVideoStartup.ProviderId, 1, Guid.NewGuid(), null, "Dr Fake",
        "Europe/Madrid", Start, Start.AddMinutes(30), "Pat", "pat@example.test", null, null, null, "slot-1", Version: 1);

    private static ProviderReadiness Ready(IMeetingProvider provider) => new(provider.Id, provider.Name, provider, null, null);

    private static HostConnection Connection(string provider, bool connected, int daysAgo) => new()
    {
        Provider = provider,
        Status = connected ? HostConnection.Connected : HostConnection.Lost,
        ProtectedRefreshToken = connected ? "token" : null,
        ConnectedAt = Now.AddDays(-daysAgo),
    };

    private static MeetingRecord New() => MeetingPlan.NewMeeting("slot-1", "fake-video", "[ref]", "pass", Now);

    private static MeetingRecord Created()
    {
        var meeting = New();
        MeetingPlan.Reconcile(meeting, anyActive: true, Appointment(), "fake-video", new MeetingText("T", "A"), ended: false, Now);
        meeting.ExternalId = "1001";
        meeting.JoinUrl = "https://j/1001";
        meeting.State = MeetingRecord.Created;
        return meeting;
    }

    /// <summary>A provider whose hosts connect their own accounts.</summary>
    private sealed class HostedProvider : IMeetingProvider
    {
        public string Id => "hosted";
        public string Name => "Hosted";
        public bool NeedsHostConnection => true;
        public Task<Unavailable?> WhyUnavailableAsync(CancellationToken cancellationToken) => Task.FromResult<Unavailable?>(null);
        public Task<MeetingText> DescribeAsync(AppointmentChanged appointment, string clinicName, string marker, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<string?> NewPasscodeAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
        public Task<ProviderMeeting> CreateAsync(ProviderAccess access, MeetingSpec meeting, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task UpdateAsync(ProviderAccess access, string externalId, MeetingSpec meeting, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ProviderMeeting> GetAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ProviderMeeting?> FindByMarkerAsync(ProviderAccess access, string marker, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task EndAsync(ProviderAccess access, string externalId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
