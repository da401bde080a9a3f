using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;
using Telemed.Core.Clinic;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// Staff book for a patient through the same path as the public site: the event is published, minimum notice does not
/// bind staff, another booking always does, and nothing outside the staff member's reach can be booked.
/// </summary>
public sealed class StaffBookingShould(TwoClinicsFixture fixture) : IClassFixture<TwoClinicsFixture>
{
    private BookingHost Host => fixture.Host;
    private BookingClinic Clinic => fixture.Clinic;
    private BookingClinic OtherClinic => fixture.OtherClinic;

    private string NewUrl => $"{Clinic.PathBase}/admin/appointments/new";

    [Fact]
    public async Task BookForAPatientAndPublishTheBookingLikeThePublicSite()
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var url = $"{NewUrl}?service={Clinic.Consultation}&host={Clinic.HostTwo}&duration=60";
        var page = await admin.GetPageAsync(url);
        var start = FreeTimes(page)[2];

        var response = await admin.SubmitFormAsync(page, url, Patient("Pia Park", "pia@example.test", start), formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        var booked = await Appointments.FindAsync(Host, Clinic, id);
        Assert.Equal((Clinic.HostTwo, "Pia Park", "pia@example.test", "+44 20 7946 0002", "America/New_York", 60),
            (booked.HostId, booked.PatientName, booked.PatientEmail, booked.PatientPhone, booked.PatientTimeZone, booked.DurationMinutes));
        Assert.Equal(DateTimeOffset.Parse(start), booked.StartUtc);
        Assert.Equal("pia@example.test", (await RecordedEvents.WaitForAsync(id, AppointmentChange.Booked)).PatientEmail);
        Assert.Contains("Booked Pia Park", (await admin.GetPageAsync($"{Clinic.PathBase}/admin/appointments/{id}")).QuerySelector("[role=status]")!.TextContent);
    }

    /// <summary>
    /// An appointment with the Berlin host, read by the London clinic's admin and by the host: each sees it in their own
    /// zone with its abbreviation; the admin also sees the host's own time.
    /// </summary>
    [Fact]
    public async Task ShowAppointmentTimesInTheViewersZone()
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var url = $"{NewUrl}?service={Clinic.Consultation}&host={Clinic.HostTwo}&duration=30";
        var start = FreeTimes(await admin.GetPageAsync(url))[1];
        var response = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, Patient("Zed Zone", "zed@example.test", start), formSelector: "main form[method=post]");
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        var instant = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        string Local(string zone, int minutes) => TimeZoneInfo.ConvertTime(instant.AddMinutes(minutes), TimeZoneInfo.FindSystemTimeZoneById(zone))
            .ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        string Range(string zone) => $"{Local(zone, 0)}–{Local(zone, 30)[^5..]}";

        var asAdmin = (await admin.GetPageAsync($"{Clinic.PathBase}/admin/appointments/{id}")).QuerySelector("[data-testid=appointment-when]")!.TextContent;
        Assert.Matches($@"^\s*{System.Text.RegularExpressions.Regex.Escape(Range("Europe/London"))} (GMT|BST)\s+Dr Two's time: {System.Text.RegularExpressions.Regex.Escape(Range("Europe/Berlin"))} (CET|CEST)\s*$", asAdmin);
        var list = await admin.GetPageAsync($"{Clinic.PathBase}/admin/appointments?when=upcoming");
        Assert.Matches(@"^Appointments, times in Europe/London \((GMT|BST)\)$", list.QuerySelector("[data-testid=appointments-zone]")!.TextContent.Trim());

        var host = await SignIn.AsAsync(Host, Clinic, BookingClinic.HostTwoEmail);
        var asHost = (await host.GetPageAsync($"{Clinic.PathBase}/admin/appointments/{id}")).QuerySelector("[data-testid=appointment-when]")!.TextContent;
        Assert.Matches($@"^\s*{System.Text.RegularExpressions.Regex.Escape(Range("Europe/Berlin"))} (CET|CEST)\s*$", asHost);
    }

    [Fact]
    public async Task LetStaffBookInsideTheMinimumNoticeThatBindsPatients()
    {
        await SetMinimumNoticeAsync(Clinic, minutes: 24 * 60);
        try
        {
            var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
            var visitorSlots = (await Host.CreateClient().GetFromJsonAsync<SlotsResponse>(
                $"{Clinic.PathBase}/booking/slots?service={Clinic.Consultation}&host={Clinic.HostOne}&from={today}&to={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}&tz=UTC"))!.Slots;
            Assert.All(visitorSlots, s => Assert.True(DateTimeOffset.Parse(s.Start) >= DateTimeOffset.UtcNow.AddHours(24)));
            var doctorOne = await SignIn.AsAsync(Host, Clinic, BookingClinic.HostOneEmail);
            var page = await doctorOne.GetPageAsync($"{NewUrl}?service={Clinic.Consultation}");
            Assert.Contains("staff may book inside it", page.QuerySelector("[data-testid=notice-rule]")!.TextContent);
            var soon = FreeTimes(page).First(t => DateTimeOffset.Parse(t) < DateTimeOffset.UtcNow.AddHours(20));
            Assert.DoesNotContain(visitorSlots, s => DateTimeOffset.Parse(s.Start) == DateTimeOffset.Parse(soon));

            var response = await doctorOne.SubmitFormAsync(page, NewUrl, Patient("Quinn Quill", "quinn@example.test", soon), formSelector: "main form[method=post]");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        finally
        {
            await SetMinimumNoticeAsync(Clinic, minutes: 0);
        }
    }

    [Fact]
    public async Task RefuseATimeAVisitorJustTookAndKeepTheForm()
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var url = $"{NewUrl}?service={Clinic.Consultation}&host={Clinic.HostOne}&duration=30";
        var page = await admin.GetPageAsync(url);
        var start = FreeTimes(page)[5];
        await BookingForms.BookOkAsync(Host.CreateClient(), Clinic.DetailsUrl(Clinic.Consultation, Clinic.HostOne.ToString(), start));

        var response = await admin.SubmitFormAsync(page, url, Patient("Rae Reed", "rae@example.test", start), formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var refused = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("just taken", refused.QuerySelector("[data-testid=booking-error]")!.TextContent);
        Assert.Equal("Rae Reed", refused.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("rae@example.test", refused.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.DoesNotContain(start, FreeTimes(refused));
    }

    [Fact]
    public async Task ShowFieldErrorsBesideTheFieldsAndBookNothing()
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var page = await admin.GetPageAsync(NewUrl);
        var fields = Patient("", "not-an-address", "", zone: "Mars/Olympus");

        var response = await admin.SubmitFormAsync(page, NewUrl, fields, formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("full name", errors.FieldError("Input.Name"));
        Assert.Contains("such as name@example.com", errors.FieldError("Input.Email"));
        Assert.Contains("from the list", errors.FieldError("Input.TimeZone"));
        Assert.Contains("Choose one of the free times", errors.QuerySelector("#free-times-error")!.TextContent);
        var email = errors.QuerySelector("input[name='Input.Email']")!;
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Contains("email-error", email.GetAttribute("aria-describedby"));
        Assert.Equal("not-an-address", email.GetAttribute("value"));
    }

    [Fact]
    public async Task KeepOtherHostsAndOtherClinicsOutOfReach()
    {
        var doctorOne = await SignIn.AsAsync(Host, Clinic, BookingClinic.HostOneEmail);
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await doctorOne.GetAsync($"{NewUrl}?host={Clinic.HostTwo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{NewUrl}?host={OtherClinic.HostOne}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{NewUrl}?service={OtherClinic.Consultation}")).StatusCode);
        var page = await doctorOne.GetPageAsync(NewUrl);
        Assert.Equal([Clinic.HostOne.ToString()], page.QuerySelectorAll("#host option").Select(o => o.GetAttribute("value")));

        // A doctor's form forged to book with a colleague.
        var start = FreeTimes(page)[0];
        var forged = await doctorOne.SubmitFormAsync(page, NewUrl, new Dictionary<string, string>(Patient("Sol Stone", "sol@example.test", start))
        {
            ["host"] = Clinic.HostTwo.ToString(),
        }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var otherService = await admin.SubmitFormAsync(await admin.GetPageAsync(NewUrl), NewUrl, new Dictionary<string, string>(Patient("Sol Stone", "sol@example.test", start))
        {
            ["service"] = OtherClinic.Consultation.ToString(),
        }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.NotFound, otherService.StatusCode);
        Assert.False(await AnyBookedForAsync("sol@example.test"));

        var anonymous = await Host.CreateClient().GetAsync(NewUrl);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.ToString());
    }

    [Fact]
    public async Task PreselectTheTimeClickedInTheCalendarOrSayItIsNotFree()
    {
        var doctorOne = await SignIn.AsAsync(Host, Clinic, BookingClinic.HostOneEmail);
        var free = DateTimeOffset.Parse(FreeTimes(await doctorOne.GetPageAsync(NewUrl))[7]);
        var wall = free.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm");

        var page = await doctorOne.GetPageAsync($"{NewUrl}?at={wall}");
        Assert.Equal(free, DateTimeOffset.Parse(page.QuerySelector("input[name=Start][checked]")!.GetAttribute("value")!));

        var offGrid = await doctorOne.GetPageAsync($"{NewUrl}?at={free.UtcDateTime.AddMinutes(10):yyyy-MM-dd'T'HH:mm}");
        Assert.Null(offGrid.QuerySelector("input[name=Start][checked]"));
        Assert.Contains("is not a free time", offGrid.QuerySelector("[data-testid=calendar-time-note]")!.TextContent);
    }

    private static List<string> FreeTimes(IHtmlDocument page) =>
        page.QuerySelectorAll("input[name=Start]").Select(i => i.GetAttribute("value")!).ToList();

    private static Dictionary<string, string> Patient(string name, string email, string start, string zone = "America/New_York") => new()
    {
        ["Start"] = start,
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Phone"] = "+44 20 7946 0002",
        ["Input.TimeZone"] = zone,
        ["Input.Notes"] = "Booked by phone",
    };

    private Task<bool> AnyBookedForAsync(string email) =>
        Host.InTenantAsync(Clinic.Tenant, services => services.GetRequiredService<BookingDb>().Appointments.AnyAsync(a => a.PatientEmail == email));

    private Task SetMinimumNoticeAsync(BookingClinic clinic, int minutes) =>
        Host.InTenantAsync(clinic.Tenant, services => services.GetRequiredService<BookingDb>().Services
            .Where(s => s.Id == clinic.Consultation).ExecuteUpdateAsync(set => set.SetProperty(s => s.MinimumNoticeMinutes, minutes)));
}
