using System.Net;
using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Meetings.Tests.FakeVideo;
using Telemed.Meetings.Tests.Infrastructure;

namespace Telemed.Meetings.Tests;

/// <summary>The staff meetings list: filter by patient, provider and state, search, end, and delete only what is over.</summary>
public sealed class MeetingsListShould(FakeVideoFixture fixture) : IClassFixture<FakeVideoFixture>
{
    [Fact]
    public async Task FilterByPatientProviderAndStateAndSearchTopicsAndIds()
    {
        var clinic = await fixture.ClinicAsync();
        var patient = new PublicBooking(fixture.Host, clinic);
        var slots = await patient.SlotsAsync();
        var (first, _) = await patient.BookAsync(slots[0].Start, "olive.one@example.test");
        var (second, _) = await patient.BookAsync(slots[2].Start, "tom.two@example.test");
        var one = await fixture.SettledAsync(clinic, first, MeetingRecord.Created);
        var two = await fixture.SettledAsync(clinic, second, MeetingRecord.Created);
        var admin = await fixture.SignInAsync(clinic, FakeVideoFixture.AdminEmail);

        Assert.Equal([one.Id], await ShownAsync(admin, clinic, "Patient=olive.one"));
        Assert.Equal([two.Id], await ShownAsync(admin, clinic, $"Q={two.ExternalId}"));
        Assert.Equal(2, (await ShownAsync(admin, clinic, $"Provider={FakeVideoStartup.ProviderId}&State=created")).Count);
        Assert.Empty(await ShownAsync(admin, clinic, "Provider=zoom"));
        Assert.Empty(await ShownAsync(admin, clinic, "State=failed"));
        Assert.Empty(await ShownAsync(admin, clinic, "Patient=%25_%25"));
    }

    [Fact]
    public async Task EndAMeetingAndOnlyThenLetItBeDeleted()
    {
        var clinic = await fixture.ClinicAsync();
        var patient = new PublicBooking(fixture.Host, clinic);
        var (appointmentId, _) = await patient.BookAsync((await patient.SlotsAsync())[3].Start, $"pat-{Guid.NewGuid():N}@example.test");
        var meeting = await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Created);
        var admin = await fixture.SignInAsync(clinic, FakeVideoFixture.AdminEmail);
        var list = $"{clinic.PathBase}/admin/meetings";
        var row = $"tr[data-meeting-id='{meeting.Id}']";

        var page = await admin.GetPageAsync(list);
        Assert.Null(page.QuerySelector($"{row} form[action*='handler=Delete']"));
        var refused = await fixture.Host.InTenantAsync(clinic.Tenant, services =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Telemed.Meetings.Services.MeetingActions>(services).DeleteAsync(meeting.Id, CancellationToken.None));
        Assert.False(refused.Succeeded);

        fixture.Video.Meetings[meeting.ExternalId!].Running = true;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, list, new Dictionary<string, string>(), formSelector: $"{row} form", handler: "End")).StatusCode);
        await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Ended);
        Assert.Contains($"end {meeting.ExternalId}", fixture.Video.Calls);
        Assert.False(fixture.Video.Meetings[meeting.ExternalId!].Running);

        page = await admin.GetPageAsync(list);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, list, new Dictionary<string, string>(), formSelector: $"{row} form", handler: "Delete")).StatusCode);
        Assert.False(await fixture.InClinicAsync(clinic, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Meetings, m => m.Id == meeting.Id)));
    }

    [Fact]
    public async Task LetTheServiceLeaveTheProviderToTheHostAndWarnStaffWhenTheHostHasNone()
    {
        var clinic = await fixture.ClinicAsync(MeetingProviders.HostsConnected);
        var patient = new PublicBooking(fixture.Host, clinic);
        var (appointmentId, manageUrl) = await patient.BookAsync((await patient.SlotsAsync())[0].Start, $"pat-{Guid.NewGuid():N}@example.test");
        await Waiting.UntilAsync(() => fixture.InClinicAsync(clinic, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Appointments, a => a.AppointmentId == appointmentId)),
            "the appointment to reach Meetings");
        var admin = await fixture.SignInAsync(clinic, FakeVideoFixture.AdminEmail);

        var dashboard = await admin.GetPageAsync($"{clinic.PathBase}/admin/appointments?when=upcoming");
        Assert.Contains("Dr Fake has not connected a video provider yet", dashboard.QuerySelector($"tr[data-appointment-id='{appointmentId}'] [data-testid=meeting-warning]")?.TextContent);
        Assert.NotNull(dashboard.QuerySelector("[data-testid=meeting-warnings]"));
        var appointment = await admin.GetPageAsync($"{clinic.PathBase}/admin/appointments/{appointmentId}");
        Assert.Contains("The patient is told Dr Fake will send the video link", appointment.QuerySelector("[data-testid=meeting-warning]")?.TextContent);
        var note = (await patient.PageAsync(manageUrl)).QuerySelector("[data-testid=join-note]")?.TextContent;
        Assert.Contains("Dr Fake will send you the link to the video visit", note);
    }

    [Fact]
    public async Task KeepMeetingsFromHostsOtherClinicsAndBadInput()
    {
        var clinic = await fixture.ClinicAsync();
        var patient = new PublicBooking(fixture.Host, clinic);
        var (appointmentId, _) = await patient.BookAsync((await patient.SlotsAsync())[5].Start, $"pat-{Guid.NewGuid():N}@example.test");
        var meeting = await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Created);
        var other = await fixture.ClinicAsync();
        var otherAdmin = await fixture.SignInAsync(other, FakeVideoFixture.AdminEmail);
        var host = await fixture.SignInAsync(clinic, FakeVideoFixture.HostEmail);

        var denied = await host.GetAsync($"{clinic.PathBase}/admin/meetings");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/access-denied", denied.Headers.Location!.ToString());
        var otherList = await otherAdmin.GetPageAsync($"{other.PathBase}/admin/meetings");
        Assert.Empty(otherList.QuerySelectorAll("tr[data-meeting-id]"));
        var token = otherList.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await otherAdmin.GetPageAsync($"{other.PathBase}/admin/meetings/connections")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await otherAdmin.GetPageAsync($"{other.PathBase}/meetings/connections")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (handler, id, reason) in new[] { ("Cancel", meeting.Id.ToString(), "taken over"), ("End", meeting.Id.ToString(), ""), ("Delete", meeting.Id.ToString(), ""),
                     ("Cancel", "not-a-guid", new string('x', 600)), ("Retry", "", "") })
        {
            var response = await otherAdmin.PostAsync($"{other.PathBase}/admin/meetings?handler={handler}&id={id}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reason"] = reason }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        foreach (var query in new[] { "State=%3Cscript%3E", "Provider=" + new string('p', 500), "Patient=" + new string('%', 300), "Q=%00%27" })
        {
            Assert.Equal(HttpStatusCode.OK, (await otherAdmin.GetAsync($"{other.PathBase}/admin/meetings?{query}")).StatusCode);
        }

        var after = await fixture.SettledAsync(clinic, appointmentId, MeetingRecord.Created);
        Assert.Null(after.CancelReason);
        Assert.False(after.EndRequested);
    }

    private static async Task<List<Guid>> ShownAsync(TestClient admin, FakeClinic clinic, string query) =>
        (await admin.GetPageAsync($"{clinic.PathBase}/admin/meetings?{query}")).QuerySelectorAll("tr[data-meeting-id]")
            .Select(r => Guid.Parse(r.GetAttribute("data-meeting-id")!)).ToList();
}
