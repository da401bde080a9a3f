using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Security;
using Telemed.Zoom.IntegrationTests.Infrastructure;
using Telemed.Zoom.Services;
using static Telemed.Zoom.IntegrationTests.Infrastructure.ZoomClinics;

namespace Telemed.Zoom.IntegrationTests;

/// <summary>The start link logs its bearer in as host: only the host and the clinic's admins may obtain it, always fresh.</summary>
public sealed class ZoomStartLinkShould(ZoomHostFixture fixture) : IClassFixture<ZoomHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task SendTheHostToAFreshStartLinkFetchedAtClickTime()
    {
        var (clinic, appointment, meeting) = await BookedAsync();
        var stored = await Host.InTenantAsync(clinic.Tenant, services => Task.FromResult(services.GetRequiredService<MeetingSecrets>().UnprotectStartUrl(meeting.ProtectedStartUrl!)));

        var response = await clinic.HostClient.GetAsync($"{clinic.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains($"/s/{meeting.ZoomId()}?zak=", location);
        Assert.NotEqual(stored, location);
        // The address Start session had while Zoom kept meetings still works for links handed out then.
        var former = await clinic.HostClient.GetAsync($"{clinic.PathBase}/zoom/appointments/{appointment.AppointmentId}/start");
        Assert.Equal(HttpStatusCode.Redirect, former.StatusCode);
        Assert.Contains($"/s/{meeting.ZoomId()}?zak=", former.Headers.Location!.ToString());
    }

    [Fact]
    public async Task OfferTheStoredStartLinkAndSaySoWhenZoomIsUnreachable()
    {
        var (clinic, appointment, _) = await BookedAsync();
        await fixture.Sandbox.AddFaultAsync(new { user = clinic.ZoomUser, kind = "error", status = 503, count = 2, operation = "zoom.meetings.get" });

        var response = await clinic.HostClient.GetAsync($"{clinic.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("may have expired", page.Body!.TextContent);
        Assert.Contains("/s/", page.QuerySelector("a.btn")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TellTheDoctorAndMakeANewMeetingWhenZoomNoLongerHasIt()
    {
        var (clinic, appointment, meeting) = await BookedAsync();
        await fixture.Sandbox.DeleteUnannouncedAsync(clinic.ZoomUser, meeting.ZoomId()!.Value);

        var response = await clinic.HostClient.GetAsync($"{clinic.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("was deleted at Zoom", text);
        Assert.Contains("a new meeting is being created", text);
        Assert.DoesNotContain($"/s/{meeting.ZoomId()}", text);
        MeetingRecord? replaced = null;
        await Eventually.TrueAsync(async () =>
        {
            replaced = await MeetingAsync(Host, clinic, appointment.SlotKey);
            return replaced is { State: "created", ExternalId: { } id } && id != meeting.ExternalId;
        }, TimeSpan.FromSeconds(30), () => $"{replaced?.State} {replaced?.ZoomId()} {replaced?.LastError}");
        var again = await clinic.HostClient.GetAsync($"{clinic.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains($"/s/{replaced!.ZoomId()}?zak=", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task NeverGiveTheStartLinkToAPatient()
    {
        var (clinic, appointment, meeting) = await BookedAsync();
        var patientEmail = $"pat-{Guid.NewGuid():N}"[..12] + "@example.org";
        await Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<IUserDirectory>().CreateAsync(patientEmail, Password, "Pat", [Roles.Patient]));
        var patient = await SignInAsync(Host, clinic.PathBase, patientEmail);

        var response = await patient.GetAsync($"{clinic.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");
        var info = await Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<IMeetingLinks>().GetForPatientAsync(appointment.AppointmentId));

        Assert.DoesNotContain("/s/", response.Headers.Location?.ToString() ?? "");
        Assert.DoesNotContain("zak=", await response.Content.ReadAsStringAsync());
        Assert.Null(info!.StartUrl);
        Assert.Equal(meeting.JoinUrl, info.JoinUrl);
        Assert.Equal(meeting.Passcode, info.Passcode);
    }

    [Fact]
    public async Task NeverGiveTheStartLinkToAnotherClinic()
    {
        var (clinic, appointment, _) = await BookedAsync();
        var other = await CreateAsync(Host, connect: false);

        var ownDoor = await other.HostClient.GetAsync($"{other.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");
        var crossDoor = await other.HostClient.GetAsync($"{clinic.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");
        var otherAdmin = await SignInAsync(Host, other.PathBase, "admin@clinic.test");
        var adminDoor = await otherAdmin.GetAsync($"{other.PathBase}/meetings/appointments/{appointment.AppointmentId}/start");
        var linksInOtherClinic = await Host.InTenantAsync(other.Tenant, services => services.GetRequiredService<IMeetingLinks>().GetForHostAsync(appointment.AppointmentId, freshStartUrl: true));

        Assert.Equal(HttpStatusCode.NotFound, ownDoor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adminDoor.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, crossDoor.StatusCode);
        Assert.DoesNotContain("/s/", crossDoor.Headers.Location?.ToString() ?? "");
        Assert.Null(linksInOtherClinic);
    }

    private async Task<(ZoomClinic Clinic, AppointmentChanged Appointment, MeetingRecord Meeting)> BookedAsync()
    {
        var clinic = await CreateAsync(Host);
        var appointment = Appointment(clinic, DateTimeOffset.UtcNow.AddMinutes(5));
        await PublishAsync(Host, clinic, appointment);
        return (clinic, appointment, await SettledMeetingAsync(Host, clinic, appointment.SlotKey, "created"));
    }
}
