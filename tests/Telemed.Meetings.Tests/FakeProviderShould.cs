using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Meetings.Tests.FakeVideo;
using Telemed.Meetings.Tests.Infrastructure;

namespace Telemed.Meetings.Tests;

/// <summary>
/// A provider neither Booking nor Meetings was written for, installed as a test module: a clinic offers it on a
/// service, and bookings made, moved and cancelled through the public pages create, move and delete its meetings.
/// </summary>
public sealed class FakeProviderShould(FakeVideoFixture fixture) : IClassFixture<FakeVideoFixture>
{
    [Fact]
    public async Task OfferTheInstalledProviderOnTheServiceForm()
    {
        var clinic = await fixture.ClinicAsync();
        var admin = await fixture.SignInAsync(clinic, FakeVideoFixture.AdminEmail);

        var form = await admin.GetPageAsync($"{clinic.PathBase}/admin/services/edit/{clinic.Service}");
        var options = form.QuerySelectorAll("select[name='Input.MeetingProvider'] option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();

        Assert.Contains((FakeVideoStartup.ProviderId, FakeVideoStartup.ProviderName), options);
        Assert.Contains(("zoom", "Zoom"), options);
        Assert.Contains((MeetingProviders.HostsConnected, "The host's connected provider"), options);
        Assert.Equal(FakeVideoStartup.ProviderId, form.QuerySelector("select[name='Input.MeetingProvider'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task CreateMoveAndDeleteItsMeetingAsThePatientBooksMovesAndCancels()
    {
        var clinic = await fixture.ClinicAsync();
        var patient = new PublicBooking(fixture.Host, clinic);
        var slots = await patient.SlotsAsync();
        var (appointmentId, manageUrl) = await patient.BookAsync(slots[0].Start, $"pat-{Guid.NewGuid():N}@example.test");

        var created = await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Created);
        var atProvider = fixture.Video.Meetings[created.ExternalId!];
        Assert.Equal(DateTimeOffset.Parse(slots[0].Start), atProvider.Start);
        Assert.Equal("Video visit with Dr Fake", atProvider.Topic);
        Assert.Contains(created.Marker, atProvider.Agenda);
        Assert.Equal(FakeVideoStartup.ProviderId, created.Provider);
        var join = await JoinNoteAsync(patient, manageUrl);
        Assert.Contains("Join opens 10 minutes before the start", join);

        await patient.MoveAsync(manageUrl, slots[4].Start);
        await Waiting.UntilAsync(() => fixture.Video.Meetings[created.ExternalId!].Start == DateTimeOffset.Parse(slots[4].Start), "the fake meeting to move");
        var moved = await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Created);
        Assert.Equal(created.ExternalId, moved.ExternalId);

        await patient.CancelAsync(manageUrl);
        await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Deleted);
        Assert.True(fixture.Video.Meetings[created.ExternalId!].Deleted);
        Assert.Equal(["create", "update", "delete"], fixture.Video.Calls.Where(c => c.EndsWith(" " + created.ExternalId)).Select(c => c.Split(' ')[0]));
    }

    [Fact]
    public async Task PublishMeetingChangedWithTheLinkOnceMadeAndTheReasonWhenStaffCancel()
    {
        var clinic = await fixture.ClinicAsync();
        var patient = new PublicBooking(fixture.Host, clinic);
        var (appointmentId, manageUrl) = await patient.BookAsync((await patient.SlotsAsync())[1].Start, $"pat-{Guid.NewGuid():N}@example.test");
        var created = await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Created);

        var announced = await Waiting.ForAsync(() => Task.FromResult(fixture.Changes.FirstOrDefault(c => c.MeetingId == created.Id)), c => c is not null, _ => "", "MeetingChanged Created");
        Assert.Equal(MeetingChange.Created, announced!.Change);
        Assert.Equal(created.JoinUrl, announced.JoinUrl);
        Assert.Equal([appointmentId], announced.AppointmentIds);
        Assert.Equal("fake1234", announced.Passcode);

        var admin = await fixture.SignInAsync(clinic, FakeVideoFixture.AdminEmail);
        var list = await admin.GetPageAsync($"{clinic.PathBase}/admin/meetings");
        var cancel = await admin.SubmitFormAsync(list, $"{clinic.PathBase}/admin/meetings",
            new Dictionary<string, string> { ["reason"] = "The doctor is ill; we will call you" }, formSelector: $"tr[data-meeting-id='{created.Id}'] form", handler: "Cancel");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, cancel.StatusCode);

        var deleted = await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Deleted);
        Assert.Equal("The doctor is ill; we will call you", deleted.CancelReason);
        var farewell = await Waiting.ForAsync(() => Task.FromResult(fixture.Changes.FirstOrDefault(c => c.MeetingId == created.Id && c.Change == MeetingChange.Deleted)),
            c => c is not null, _ => string.Join(", ", fixture.Changes.Where(c => c.MeetingId == created.Id).Select(c => c.Change)), "MeetingChanged Deleted");
        Assert.Equal("The doctor is ill; we will call you", farewell!.Reason);
        Assert.True(farewell.Version > announced.Version);
        Assert.Contains("The clinic cancelled the video meeting: The doctor is ill; we will call you", await JoinNoteAsync(patient, manageUrl));
    }

    private static async Task<string> JoinNoteAsync(PublicBooking patient, string manageUrl) =>
        (await patient.PageAsync(manageUrl)).QuerySelector("[data-testid=join-note]")?.TextContent ?? "";
}
