using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telemed.Booking.Endpoints;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// The staff calendar's events and its drop-to-move handler: who sees which host, times in the viewer's zone, bounded
/// and validated ranges, and nothing of another clinic's reachable by forging its ids.
/// </summary>
public sealed class StaffCalendarShould(TwoClinicsFixture fixture) : IClassFixture<TwoClinicsFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int booked;

    private BookingHost Host => fixture.Host;
    private BookingClinic Clinic => fixture.Clinic;
    private BookingClinic OtherClinic => fixture.OtherClinic;

    [Fact]
    public async Task ShowAdminsEveryHostInTheClinicsZoneAndDoctorsOnlyTheirOwnInTheirs()
    {
        var (one, two) = await BookBothHostsAsync("Fiona Field", "Gus Grant");
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var doctorTwo = await SignIn.AsAsync(Host, Clinic, BookingClinic.HostTwoEmail);

        var all = await EventsAsync(admin, RangeAround(one.StartUtc));
        Assert.Equal("Europe/London", all.TimeZone);
        Assert.Contains(all.Events, e => e.Id == one.Id);
        var twoForAdmin = Assert.Single(all.Events, e => e.Id == two.Id);
        Assert.Equal(Wall(two.StartUtc, "Europe/London"), twoForAdmin.Start);
        Assert.Equal(("Gus Grant", "Consultation", "Dr Two", "Confirmed"),
            (twoForAdmin.ExtendedProps.Patient, twoForAdmin.ExtendedProps.Service, twoForAdmin.ExtendedProps.Host, twoForAdmin.ExtendedProps.StatusText));
        Assert.Contains("appt-status-confirmed", twoForAdmin.ClassNames);
        Assert.False(string.IsNullOrEmpty(twoForAdmin.ExtendedProps.MeetingText));
        Assert.Equal($"{Clinic.PathBase}/admin/appointments/{two.Id}", twoForAdmin.Url);

        var filtered = await EventsAsync(admin, RangeAround(one.StartUtc) + $"&host={Clinic.HostTwo}");
        Assert.DoesNotContain(filtered.Events, e => e.Id == one.Id);

        var own = await EventsAsync(doctorTwo, RangeAround(one.StartUtc));
        Assert.Equal("Europe/Berlin", own.TimeZone);
        Assert.Equal(Wall(two.StartUtc, "Europe/Berlin"), Assert.Single(own.Events, e => e.Id == two.Id).Start);
        Assert.DoesNotContain(own.Events, e => e.Id == one.Id);
    }

    [Fact]
    public async Task ListTheWeekDayByDayForBrowsersWithoutJavaScript()
    {
        var (one, _) = await BookBothHostsAsync("Pat Plain", "Ros Plain");
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var day = Wall(one.StartUtc, "Europe/London")[..10];

        var page = await admin.GetPageAsync($"{Clinic.PathBase}/admin/calendar?date={day}");

        var week = page.QuerySelector("[data-testid=calendar-week]")!;
        Assert.Equal(7, week.QuerySelectorAll("h3").Length);
        var item = week.QuerySelector($"[data-appointment-id='{one.Id}']")!;
        Assert.Contains("Pat Plain", item.TextContent);
        Assert.Contains("Consultation · Dr One", item.TextContent);
        Assert.Equal("Confirmed", item.QuerySelector("[data-status]")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(item.QuerySelector("[data-meeting]")!.TextContent));
        Assert.Equal($"{Clinic.PathBase}/admin/appointments/{one.Id}", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(2, week.QuerySelectorAll("a[href*='/admin/calendar?date=']").Length);
    }

    [Fact]
    public async Task RefuseHostsOutOfReachWithNotFound()
    {
        await BookBothHostsAsync("Hana Hill", "Ivo Ince");
        var doctorTwo = await SignIn.AsAsync(Host, Clinic, BookingClinic.HostTwoEmail);
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var range = RangeAround(DateTimeOffset.UtcNow.AddDays(1));

        Assert.Equal(HttpStatusCode.NotFound, (await doctorTwo.GetAsync($"{Clinic.PathBase}/admin/calendar/events?{range}&host={Clinic.HostOne}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Clinic.PathBase}/admin/calendar/events?{range}&host={OtherClinic.HostOne}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Clinic.PathBase}/admin/calendar?host={OtherClinic.HostOne}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctorTwo.GetAsync($"{Clinic.PathBase}/admin/calendar?host={Clinic.HostOne}")).StatusCode);
    }

    [Fact]
    public async Task SendVisitorsToSignInAndRefuseAnonymousEvents()
    {
        var anonymous = Host.CreateClient();

        var page = await anonymous.GetAsync($"{Clinic.PathBase}/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains($"{Clinic.PathBase}/login", page.Headers.Location!.ToString());
        var events = await anonymous.GetAsync($"{Clinic.PathBase}/admin/calendar/events?{RangeAround(DateTimeOffset.UtcNow)}");
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);

        var patient = await SignIn.AsAsync(Host, Clinic, BookingClinic.PatientEmail);
        Assert.NotEqual(HttpStatusCode.OK, (await patient.GetAsync($"{Clinic.PathBase}/admin/calendar/events?{RangeAround(DateTimeOffset.UtcNow)}")).StatusCode);
    }

    [Theory]
    [InlineData("start=2026-03-01&end=2026-04-13", "end", "at most 42 days")]
    [InlineData("start=2026-03-10&end=2026-03-10", "end", "must come after")]
    [InlineData("start=2026-03-10&end=2026-03-01", "end", "must come after")]
    [InlineData("start=9999-12-01&end=9999-12-31", "start", "yyyy-MM-dd")]
    [InlineData("start=0001-01-01&end=0001-01-08", "start", "yyyy-MM-dd")]
    [InlineData("start=2026-02-30&end=2026-03-05", "start", "yyyy-MM-dd")]
    [InlineData("start=2026-03-01T00:00:00%2B01:00&end=2026-03-08", "start", "yyyy-MM-dd")]
    [InlineData("end=2026-03-08", "start", "yyyy-MM-dd")]
    [InlineData("start=2026-03-01&end=2026-03-08&host=not-a-guid", "host", "host's id")]
    public async Task RefuseARangeItCannotShowWithAMessage(string query, string field, string message)
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);

        var response = await admin.GetAsync($"{Clinic.PathBase}/admin/calendar/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task MoveADroppedAppointmentOnlyToAFreeTimeOfAHostInReach()
    {
        var (one, two) = await BookBothHostsAsync("Jay Jones", "Kit King");
        var doctorOne = await SignIn.AsAsync(Host, Clinic, BookingClinic.HostOneEmail);

        // Doctor One reads UTC; the Berlin doctor's appointment is not theirs to move.
        var otherHost = await MoveAsync(doctorOne, two.Id, Wall(two.StartUtc.AddHours(1), "UTC"));
        Assert.Equal(HttpStatusCode.NotFound, otherHost.StatusCode);
        var otherClinic = await MoveAsync(doctorOne, (await BookAsync(OtherClinic, OtherClinic.HostOne, "Lee Lane")).Id, Wall(one.StartUtc.AddHours(1), "UTC"));
        Assert.Equal(HttpStatusCode.NotFound, otherClinic.StatusCode);

        var blocker = await BookAsync(Clinic, Clinic.HostOne, "Max Moss", one.StartUtc.AddHours(2));
        var onTaken = await MoveAsync(doctorOne, one.Id, Wall(blocker.StartUtc, "UTC"));
        Assert.Equal(HttpStatusCode.Conflict, onTaken.StatusCode);
        Assert.Contains("just taken", (await onTaken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(doctorOne, one.Id, "next tuesday")).StatusCode);
        Assert.Equal(one.StartUtc, (await Appointments.FindAsync(Host, Clinic, one.Id)).StartUtc);

        var moved = await MoveAsync(doctorOne, one.Id, Wall(one.StartUtc.AddHours(3), "UTC"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(one.StartUtc.AddHours(3), (await Appointments.FindAsync(Host, Clinic, one.Id)).StartUtc);
        Assert.Equal("Dr One", (await Appointments.FindAsync(Host, Clinic, one.Id)).Reschedules.Single().By);
    }

    [Fact]
    public async Task RefuseADropWithoutTheAntiforgeryToken()
    {
        var (one, _) = await BookBothHostsAsync("Nia North", "Oli Owen");
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);

        var forged = await admin.PostAsync($"{Clinic.PathBase}/admin/calendar?handler=Move",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = one.Id.ToString(), ["start"] = Wall(one.StartUtc.AddHours(1), "Europe/London") }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(one.StartUtc, (await Appointments.FindAsync(Host, Clinic, one.Id)).StartUtc);
    }

    private async Task<HttpResponseMessage> MoveAsync(TestClient client, Guid id, string start)
    {
        var page = await client.GetPageAsync($"{Clinic.PathBase}/admin/calendar");
        return await client.SubmitFormAsync(page, $"{Clinic.PathBase}/admin/calendar",
            new Dictionary<string, string> { ["id"] = id.ToString(), ["start"] = start }, formSelector: "#calendar-antiforgery");
    }

    /// <summary>One appointment with each host, a day or more ahead, each at a time no other test of the class uses.</summary>
    private async Task<(Telemed.Booking.Models.Appointment One, Telemed.Booking.Models.Appointment Two)> BookBothHostsAsync(string first, string second)
    {
        var visitor = Host.CreateClient();
        var slots = (await Clinic.SlotsAsync(visitor, Clinic.Consultation, Clinic.HostTwo.ToString(), days: 9)).Slots;
        // Four hours apart per call, so that moving one by up to three hours meets no other test's booking.
        var slot = slots[Interlocked.Increment(ref booked) * 8 % slots.Count];
        var one = await Appointments.FindByTokenAsync(Host, Clinic,
            await BookingForms.BookOkAsync(visitor, Clinic.DetailsUrl(Clinic.Consultation, Clinic.HostOne.ToString(), slot.Start), BookingForms.Patient(first, "first@example.test")));
        var two = await Appointments.FindByTokenAsync(Host, Clinic,
            await BookingForms.BookOkAsync(visitor, Clinic.DetailsUrl(Clinic.Consultation, Clinic.HostTwo.ToString(), slot.Start), BookingForms.Patient(second, "second@example.test")));
        return (one, two);
    }

    /// <summary>A booking through the public pages at <paramref name="start"/>, or the host's first free time.</summary>
    private async Task<Telemed.Booking.Models.Appointment> BookAsync(BookingClinic clinic, Guid host, string patient, DateTimeOffset? start = null)
    {
        var visitor = Host.CreateClient();
        var at = start?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") ?? (await clinic.SlotsAsync(visitor, clinic.Consultation, host.ToString())).Slots[0].Start;
        var token = await BookingForms.BookOkAsync(visitor, clinic.DetailsUrl(clinic.Consultation, host.ToString(), at), BookingForms.Patient(patient, "p@example.test"));
        return await Appointments.FindByTokenAsync(Host, clinic, token);
    }

    private async Task<CalendarEventsResponse> EventsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Clinic.PathBase}/admin/calendar/events?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CalendarEventsResponse>(Json))!;
    }

    private static string RangeAround(DateTimeOffset instant) =>
        $"start={instant.UtcDateTime.AddDays(-2):yyyy-MM-dd}&end={instant.UtcDateTime.AddDays(5):yyyy-MM-dd}";

    private static string Wall(DateTimeOffset instant, string zone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyy-MM-dd'T'HH:mm:ss");
}
