using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Core.Clinic;

namespace Telemed.Booking.IntegrationTests;

/// <summary>The staff dashboard: who sees what, outcomes, cancelling with a reason, deleting, rescheduling for a patient.</summary>
public sealed class StaffDashboardShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BookingHost Host => fixture.Host;

    [Fact]
    public async Task ShowHostsTheirOwnAppointmentsAndAdminsEveryoneWithFilters()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var visitor = Host.CreateClient();
        var slot = (await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), days: 7)).Slots[0];
        await BookingForms.BookOkAsync(visitor, clinic.DetailsUrl(clinic.Consultation, clinic.HostOne.ToString(), slot.Start), BookingForms.Patient("Olive One", "olive@example.test"));
        await BookingForms.BookOkAsync(visitor, clinic.DetailsUrl(clinic.Consultation, clinic.HostTwo.ToString(), slot.Start), BookingForms.Patient("Tom Two", "tom@example.test"));

        var hostOne = await SignIn.AsAsync(Host, clinic, BookingClinic.HostOneEmail);
        var own = await Patients(hostOne, $"{clinic.PathBase}/admin/appointments?when=upcoming");
        Assert.Equal(["Olive One"], own);

        var admin = await SignIn.AsAsync(Host, clinic, BookingClinic.AdminEmail);
        Assert.Equal(["Olive One", "Tom Two"], (await Patients(admin, $"{clinic.PathBase}/admin/appointments?when=upcoming")).Order());
        Assert.Equal(["Tom Two"], await Patients(admin, $"{clinic.PathBase}/admin/appointments?when=all&host={clinic.HostTwo}"));
        Assert.Equal(["Olive One"], await Patients(admin, $"{clinic.PathBase}/admin/appointments?when=all&q=OLIVE@"));
        Assert.Empty(await Patients(admin, $"{clinic.PathBase}/admin/appointments?when=all&status=cancelled"));
        Assert.Empty(await Patients(admin, $"{clinic.PathBase}/admin/appointments?when=past"));
    }

    [Fact]
    public async Task MarkAnAppointmentCompletedOnlyOnceItHasStarted()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var started = await Appointments.StartedAsync(Host, clinic, clinic.HostOne, TimeSpan.FromMinutes(10));
        var host = await SignIn.AsAsync(Host, clinic, BookingClinic.HostOneEmail);
        var url = $"{clinic.PathBase}/admin/appointments/{started.Id}";

        var done = await host.SubmitFormAsync(await host.GetPageAsync(url), url, new Dictionary<string, string>(), handler: "Outcome", formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("completed", (await Appointments.FindAsync(Host, clinic, started.Id)).Status);
        Assert.Equal("completed", (await RecordedEvents.WaitForAsync(started.Id, AppointmentChange.Completed)).Status);

        var future = await BookFutureAsync(clinic);
        var early = await BookingForms.PostAsync(host, clinic.PathBase, $"{clinic.PathBase}/admin/appointments/{future}?handler=Outcome&attended=false", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Contains("once it has started", (await host.GetPageAsync($"{clinic.PathBase}/admin/appointments/{future}")).QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("confirmed", (await Appointments.FindAsync(Host, clinic, future)).Status);
    }

    [Fact]
    public async Task CancelWithAReasonAndDeleteOnlyOnceCancelled()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var id = await BookFutureAsync(clinic);
        var admin = await SignIn.AsAsync(Host, clinic, BookingClinic.AdminEmail);
        var url = $"{clinic.PathBase}/admin/appointments/{id}";

        var page = await admin.GetPageAsync(url);
        Assert.Null(page.QuerySelector("form[action*=Delete]"));
        await BookingForms.PostAsync(admin, clinic.PathBase, $"{url}?handler=Delete", new Dictionary<string, string>());
        Assert.Equal("confirmed", (await Appointments.FindAsync(Host, clinic, id)).Status);

        var noReason = await admin.SubmitFormAsync(page, url, new Dictionary<string, string> { ["Reason"] = " " }, handler: "Cancel", formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var cancel = await admin.SubmitFormAsync(page, url, new Dictionary<string, string> { ["Reason"] = "Doctor is unwell" }, handler: "Cancel", formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var cancelled = await Appointments.FindAsync(Host, clinic, id);
        Assert.Equal(("cancelled", "Doctor is unwell", "Ada Admin"), (cancelled.Status, cancelled.CancellationReason, cancelled.CancelledBy));
        Assert.Equal("Doctor is unwell", (await RecordedEvents.WaitForAsync(id, AppointmentChange.Cancelled)).CancellationReason);

        var delete = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string>(), handler: "Delete", formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        await RecordedEvents.WaitForAsync(id, AppointmentChange.Deleted);
    }

    [Fact]
    public async Task RescheduleForThePatientAndKeepOtherHostsAppointmentsOutOfReach()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var id = await BookFutureAsync(clinic);
        var hostTwo = await SignIn.AsAsync(Host, clinic, BookingClinic.HostTwoEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await hostTwo.GetAsync($"{clinic.PathBase}/admin/appointments/{id}")).StatusCode);

        var hostOne = await SignIn.AsAsync(Host, clinic, BookingClinic.HostOneEmail);
        var url = $"{clinic.PathBase}/admin/appointments/{id}/reschedule";
        var page = await hostOne.GetPageAsync(url);
        var newStart = page.QuerySelectorAll("input[name=start]").Skip(5).First().GetAttribute("value")!;
        var moved = await hostOne.SubmitFormAsync(page, url, new Dictionary<string, string> { ["start"] = newStart }, formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(DateTimeOffset.Parse(newStart), (await Appointments.FindAsync(Host, clinic, id)).StartUtc);
        Assert.Equal("Dr One", (await Appointments.FindAsync(Host, clinic, id)).Reschedules.Single().By);
    }

    [Fact]
    public async Task KeepEveryTickedBoxWhenAnAdminChangesOnlyAServicesName()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var admin = await SignIn.AsAsync(Host, clinic, BookingClinic.AdminEmail);
        var url = $"{clinic.PathBase}/admin/services/edit/{clinic.Consultation}";

        var saved = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string> { ["Input.Name"] = "Video consultation" },
            formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (service, hosts) = await Host.InTenantAsync(clinic.Tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            return (await db.Services.AsNoTracking().SingleAsync(s => s.Id == clinic.Consultation),
                await db.ServiceHosts.AsNoTracking().Where(link => link.ServiceId == clinic.Consultation).Select(link => link.HostId).OrderBy(id => id).ToListAsync());
        });
        Assert.Equal(("Video consultation", true, true), (service.Name, service.Telemed, service.Active));
        Assert.Equal(new[] { clinic.HostOne, clinic.HostTwo }.Order(), hosts);
    }

    [Fact]
    public async Task LetAdminsEditServicesAndHostsWithFieldErrors()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var admin = await SignIn.AsAsync(Host, clinic, BookingClinic.AdminEmail);
        var newService = $"{clinic.PathBase}/admin/services/edit";
        var form = await admin.GetPageAsync(newService);

        var bad = await admin.SubmitFormAsync(form, newService, new Dictionary<string, string>
        {
            ["Input.Name"] = "Physio", ["Input.Durations"] = "30, ninety", ["Input.Capacity"] = "0", ["Input.Telemed"] = "true", ["Input.MeetingProvider"] = "0",
        }, formSelector: "main form[method=post]");
        var errors = Html.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("'ninety' is not a length", errors.FieldError("Input.Durations"));
        Assert.Contains("From 1 to 500", errors.FieldError("Input.Capacity"));
        Assert.Contains("needs a meeting provider", errors.FieldError("Input.MeetingProvider"));

        var good = await admin.SubmitFormAsync(form, newService, new Dictionary<string, string>
        {
            ["Input.Name"] = "Physio", ["Input.Durations"] = "45, 30", ["Input.Capacity"] = "1", ["Input.HostIds"] = clinic.HostOne.ToString(),
        }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Physio", (await admin.GetPageAsync($"{clinic.PathBase}/admin/services")).QuerySelector("[data-testid=services]")!.TextContent);

        var hostUrl = $"{clinic.PathBase}/admin/hosts/edit/{clinic.HostTwo}";
        var hostForm = await admin.GetPageAsync(hostUrl);
        var badHours = await admin.SubmitFormAsync(hostForm, hostUrl, new Dictionary<string, string>
        {
            ["Input.TimeZone"] = "Europe/Berlin", ["Input.Weekly[1]"] = "09:00-25:00", ["Input.OutOfOffice"] = "someday Holiday",
        }, formSelector: "main form[method=post]");
        var hostErrors = Html.Parse(await badHours.Content.ReadAsStringAsync());
        Assert.Contains("is not a window", hostErrors.FieldError("Input.Weekly[1]"));
        Assert.Contains("Line 1", hostErrors.FieldError("Input.OutOfOffice"));
    }

    [Fact]
    public async Task LetAHostEditTheirOwnScheduleButNoOneElses()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var host = await SignIn.AsAsync(Host, clinic, BookingClinic.HostTwoEmail);

        var mine = await host.GetAsync($"{clinic.PathBase}/admin/my-schedule");
        Assert.Equal($"{clinic.PathBase}/admin/hosts/edit/{clinic.HostTwo}", mine.Headers.Location!.ToString());
        var url = mine.Headers.Location.ToString();
        var saved = await host.SubmitFormAsync(await host.GetPageAsync(url), url, new Dictionary<string, string>
        {
            ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.OutOfOffice"] = $"{DateTime.UtcNow.AddDays(3):yyyy-MM-dd} Conference",
        }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var slots = await clinic.SlotsAsync(Host.CreateClient(), clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 7);
        Assert.DoesNotContain(slots.Slots, s => s.Start.StartsWith($"{DateTime.UtcNow.AddDays(3):yyyy-MM-dd}"));

        Assert.Equal(HttpStatusCode.Redirect, (await host.GetAsync($"{clinic.PathBase}/admin/hosts/edit/{clinic.HostOne}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.GetAsync($"{clinic.PathBase}/admin/hosts")).StatusCode);
    }

    [Fact]
    public async Task ShowAPatientTheirUpcomingVideoVisitWithAJoinButton()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var patient = await SignIn.AsAsync(Host, clinic, BookingClinic.PatientEmail);
        var slot = (await clinic.SlotsAsync(patient, clinic.Consultation)).Slots[2];
        var details = clinic.DetailsUrl(clinic.Consultation, "any", slot.Start);
        var form = await patient.GetPageAsync(details);
        Assert.Equal(BookingClinic.PatientEmail, form.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        await BookingForms.BookOkAsync(patient, details, BookingForms.Patient("Pat Patient", "another.address@example.test"));

        var portal = await patient.GetPageAsync($"{clinic.PathBase}/my/appointments");

        var upcoming = portal.QuerySelector("[data-testid=upcoming]")!;
        Assert.Contains("Consultation", upcoming.TextContent);
        var join = upcoming.QuerySelector("[data-testid=join]")!;
        Assert.True(join.HasAttribute("disabled"), "the Join button opens only shortly before the start");
        Assert.Equal(HttpStatusCode.Redirect, (await Host.CreateClient().GetAsync($"{clinic.PathBase}/my/appointments")).StatusCode);
    }

    private async Task<Guid> BookFutureAsync(BookingClinic clinic)
    {
        var client = Host.CreateClient();
        var slot = (await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostOne.ToString())).Slots[4];
        var token = await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.Consultation, clinic.HostOne.ToString(), slot.Start));
        return (await Appointments.FindByTokenAsync(Host, clinic, token)).Id;
    }

    private static async Task<List<string>> Patients(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll("[data-testid=appointments] tbody tr[data-appointment-id] td:first-of-type")
            .Select(td => td.ChildNodes[0].TextContent.Trim()).ToList();
}
