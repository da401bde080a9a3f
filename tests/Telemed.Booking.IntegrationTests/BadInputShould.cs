using System.Net;

namespace Telemed.Booking.IntegrationTests;

/// <summary>A host with two clinics, so tests can reach for the other Clinic's ids.</summary>
public sealed class TwoClinicsFixture : IAsyncLifetime
{
    private readonly HostFixture host = new();

    public BookingHost Host => host.Host;
    public BookingClinic Clinic { get; private set; } = null!;
    public BookingClinic OtherClinic { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await host.InitializeAsync();
        Clinic = await BookingClinic.CreateAsync(Host);
        OtherClinic = await BookingClinic.CreateAsync(Host);
    }

    public Task DisposeAsync() => host.DisposeAsync();
}

/// <summary>Every kind of bad input gets a clear 4xx or a field error, never a 500.</summary>
public sealed class BadInputShould(TwoClinicsFixture fixture) : IClassFixture<TwoClinicsFixture>
{
    private BookingHost Host => fixture.Host;
    private BookingClinic Clinic => fixture.Clinic;
    private BookingClinic OtherClinic => fixture.OtherClinic;

    [Theory]
    [InlineData("service=not-a-guid", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&tz=Mars/Olympus", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=2026-13-45", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=2026-01-01&to=2026-12-31", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=2026-02-01&to=2026-01-01", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&duration=17", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&duration=abc", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&host=nobody", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=0001-01-01", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=9999-12-31", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=2026-01-01&to=10000-01-01", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=2000-01-01&to=2100-12-31", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=-1", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&from=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&tz=..%2F..%2Fetc%2Fpasswd", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&tz=localtime", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&tz=posix%2FEurope%2FLondon", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&tz=Europe%2F%2FLondon", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&tz=Pacific%20Standard%20Time", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&tz={long:5000}", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&duration=-30", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&duration=99999999999", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&month=2026-13", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&month=2026-1", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&month=1999-12", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&month=2026-12-01", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&month=2026-12&from=2026-12-01", HttpStatusCode.BadRequest)]
    [InlineData("service={consultation}&month={long:3000}", HttpStatusCode.BadRequest)]
    [InlineData("service={unknown}", HttpStatusCode.NotFound)]
    [InlineData("service={otherConsultation}", HttpStatusCode.NotFound)]
    [InlineData("service={consultation}&host={otherHost}", HttpStatusCode.NotFound)]
    public async Task RefuseABadSlotsQueryClearly(string query, HttpStatusCode expected)
    {
        var response = await Host.CreateClient().GetAsync($"{Clinic.PathBase}/booking/slots?{Fill(query)}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Input.Email", "not-an-email", "Enter an e-mail address")]
    [InlineData("Input.Email", "a@b", "Enter an e-mail address")]
    [InlineData("Input.Email", "", "Please enter your e-mail")]
    [InlineData("Input.Phone", "call me maybe", "Enter a phone number")]
    [InlineData("Input.Name", "", "Please enter your full name")]
    [InlineData("Input.Name", "{long:121}", "at most 120 characters")]
    [InlineData("Input.Notes", "{long:1001}", "1000 characters")]
    public async Task ShowAFieldErrorBesideABadDetail(string field, string value, string message)
    {
        var client = Host.CreateClient();
        var slot = (await Clinic.SlotsAsync(client, Clinic.Consultation)).Slots[0];
        var fields = BookingForms.Patient();
        fields[field] = value.StartsWith("{long:") ? new string('x', int.Parse(value[6..^1])) : value;

        var (response, page) = await BookingForms.BookAsync(client, Clinic.DetailsUrl(Clinic.Consultation, "any", slot.Start), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page.FieldError(field));
    }

    [Theory]
    [InlineData("past", "already passed")]
    [InlineData("outside-hours", "not available")]
    [InlineData("beyond-horizon", "not available")]
    [InlineData("off-grid", "not available")]
    public async Task RefuseATimeThatIsNotOffered(string when, string message)
    {
        var start = when switch
        {
            "past" => DateTimeOffset.UtcNow.AddHours(-2),
            "outside-hours" => NextWeekday(DateTimeOffset.UtcNow.AddDays(2)).Date.AddHours(2),
            "beyond-horizon" => DateTimeOffset.UtcNow.Date.AddDays(40).AddHours(10),
            _ => NextWeekday(DateTimeOffset.UtcNow.AddDays(2)).Date.AddHours(10).AddMinutes(7),
        };
        var host = when == "outside-hours" ? Clinic.HostTwo : Clinic.HostOne;
        var url = Clinic.DetailsUrl(Clinic.Consultation, host.ToString(), new DateTimeOffset(start.UtcDateTime, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));

        var (response, page) = await BookingForms.BookAsync(Host.CreateClient(), url);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-testid=booking-error]")!.TextContent);
    }

    [Theory]
    [InlineData("/book/{unknown}/details?host=any&start=2030-01-01T10:00:00Z&duration=30&tz=UTC", HttpStatusCode.NotFound)]
    [InlineData("/book/{otherConsultation}/details?host=any&start=2030-01-01T10:00:00Z&duration=30&tz=UTC", HttpStatusCode.NotFound)]
    [InlineData("/book/{consultation}/details?host={otherHost}&start=2030-01-01T10:00:00Z&duration=30&tz=UTC", HttpStatusCode.NotFound)]
    [InlineData("/book/{consultation}/details?host=any&start=yesterday&duration=30&tz=UTC", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=any&start=2030-01-01T10:00:00Z&duration=31&tz=UTC", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=any&start=2030-01-01T10:00:00Z&duration=30&tz=Nowhere", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=any&start=9999-12-31T23:30:00Z&duration=30&tz=UTC", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=any&start=12%2F31%2F9999&duration=30&tz=UTC", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=any&start=0001-01-01T00:00:00Z&duration=30&tz=Pacific%2FKiritimati", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=any&start=2030-01-01T10:00:00Z&duration=2147483648&tz=UTC", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=any&start=2030-01-01T10:00:00Z&duration=30&tz=localtime", HttpStatusCode.BadRequest)]
    [InlineData("/book/{consultation}/details?host=%7B{otherHost}%7D&start=2030-01-01T10:00:00Z&duration=30&tz=UTC", HttpStatusCode.NotFound)]
    [InlineData("/book/%2500/details?host=any", HttpStatusCode.NotFound)]
    [InlineData("/book/manage/%2500", HttpStatusCode.NotFound)]
    [InlineData("/book/manage/%25zz%25/appointment.ics", HttpStatusCode.NotFound)]
    [InlineData("/book/{consultation}?host=any", HttpStatusCode.OK)]
    [InlineData("/book/{otherConsultation}", HttpStatusCode.NotFound)]
    [InlineData("/book/manage/forged-token", HttpStatusCode.NotFound)]
    [InlineData("/book/manage/forged-token/appointment.ics", HttpStatusCode.NotFound)]
    [InlineData("/book/confirmation/forged-token", HttpStatusCode.NotFound)]
    [InlineData("/book/{consultation}?change=forged-token", HttpStatusCode.NotFound)]
    public async Task AnswerUnknownOrForeignAddressesWithAClear4xx(string path, HttpStatusCode expected)
    {
        var response = await Host.CreateClient().GetAsync(Clinic.PathBase + Fill(path));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("9999-12-31T23:30:00Z")]
    [InlineData("12/31/9999")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("2101-01-01T10:00:00Z")]
    public async Task RefuseANewTimeOutsideTheCalendarWithoutMovingTheAppointment(string start)
    {
        var client = Host.CreateClient();
        var slot = (await Clinic.SlotsAsync(client, Clinic.Consultation)).Slots[3];
        var token = await BookingForms.BookOkAsync(client, Clinic.DetailsUrl(Clinic.Consultation, "any", slot.Start));
        var url = $"{Clinic.PathBase}/book/manage/{token}/reschedule?start={Uri.EscapeDataString(start)}&tz=Australia%2FLord_Howe";

        var shown = await client.GetAsync(url);
        var posted = await BookingForms.PostAsync(client, Clinic.PathBase, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.Contains("not valid", await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(DateTimeOffset.Parse(slot.Start), (await Appointments.FindByTokenAsync(Host, Clinic, token)).StartUtc);
    }

    [Theory]
    [InlineData("tz=Mars%2FOlympus", "Tz", "time zone in the link is not known")]
    [InlineData("tz=..%2F..%2Fetc%2Fpasswd", "Tz", "time zone in the link is not known")]
    [InlineData("from=9999-12-31", "From", "from today")]
    [InlineData("from=0001-01-01", "From", "from today")]
    [InlineData("from=2026-02-30", "From", "from today")]
    [InlineData("duration=17", "Duration", "offered for 30, 60 minutes")]
    [InlineData("duration=99999999999", "Duration", "offered for 30, 60 minutes")]
    [InlineData("month=2026-13", "Month", "month in the link is not valid")]
    [InlineData("month=December", "Month", "month in the link is not valid")]
    [InlineData("month=2001-01", "Month", "Times can be booked from")]
    [InlineData("month=2099-01", "Month", "Times can be booked from")]
    [InlineData("day=2026-02-30", "Day", "day in the link is not valid")]
    [InlineData("day=2001-01-01", "Day", "Times can be booked from")]
    [InlineData("day=2099-01-01", "Day", "Times can be booked from")]
    [InlineData("from=2099-01-01", "From", "Times can be booked from")]
    public async Task ShowThePickerWithANoteBesideAFieldTheLinkGotWrong(string query, string field, string message)
    {
        var client = Host.CreateClient();
        var plain = (await client.GetPageAsync($"{Clinic.PathBase}/book/{Clinic.Consultation}")).QuerySelector("#slot-picker")!;

        var page = await client.GetPageAsync($"{Clinic.PathBase}/book/{Clinic.Consultation}?{query}");

        Assert.Contains(message, page.FieldError(field));
        var picker = page.QuerySelector("#slot-picker")!;
        Assert.Equal(plain.GetAttribute("data-month"), picker.GetAttribute("data-month"));
        Assert.Equal(plain.GetAttribute("data-day"), picker.GetAttribute("data-day"));
        Assert.Equal("Europe/London", page.QuerySelector("#tz option[selected]")!.GetAttribute("value"));
        var described = field is "Tz" or "Duration" ? page.QuerySelector($"#{field.ToLowerInvariant()}")! : page.QuerySelector("#month-grid")!;
        Assert.Contains($"{field.ToLowerInvariant()}-error", described.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector($"#{field.ToLowerInvariant()}-error[data-valmsg-for='{field}']"));
    }

    [Theory]
    [InlineData("/c//{slug}/book")]
    [InlineData("/c/{slug}%2Fbook")]
    [InlineData("/c/%2500/book")]
    [InlineData("/c/{long:3000}/book")]
    public async Task AnswerAMangledClinicAddressWithoutAServerError(string path)
    {
        var response = await Host.CreateClient().GetAsync(Fill(path.Replace("{slug}", Clinic.Tenant.Slug)));

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task RefuseAManageLinkIssuedByAnotherClinic()
    {
        var client = Host.CreateClient();
        var slot = (await OtherClinic.SlotsAsync(client, OtherClinic.Consultation)).Slots[0];
        var token = await BookingForms.BookOkAsync(client, OtherClinic.DetailsUrl(OtherClinic.Consultation, "any", slot.Start));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{OtherClinic.PathBase}/book/manage/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Clinic.PathBase}/book/manage/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Clinic.PathBase}/book/manage/{token}/cancel")).StatusCode);
        var cancel = await BookingForms.PostAsync(client, Clinic.PathBase, $"{Clinic.PathBase}/book/manage/{token}/cancel",
            new Dictionary<string, string> { ["Reason"] = "not mine" });
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("confirmed", (await Appointments.FindByTokenAsync(Host, OtherClinic, token)).Status);
    }

    [Fact]
    public async Task LetAPatientCancelWithoutAReasonButNotWithAnOverlongOne()
    {
        var client = Host.CreateClient();
        var slot = await Clinic.ChangeableSlotAsync(client, Clinic.Consultation);
        var token = await BookingForms.BookOkAsync(client, Clinic.DetailsUrl(Clinic.Consultation, "any", slot.Start));
        var url = $"{Clinic.PathBase}/book/manage/{token}/cancel";

        var tooLong = await client.SubmitFormAsync(await client.GetPageAsync(url), url, new Dictionary<string, string> { ["Reason"] = new string('a', 501) }, formSelector: "main form[method=post]");
        var page = Html.Parse(await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("500 characters", page.FieldError("Reason"));
        Assert.Equal("true", page.QuerySelector("#Reason")!.GetAttribute("aria-invalid"));
        Assert.Equal("reason-hint Reason-error", page.QuerySelector("#Reason")!.GetAttribute("aria-describedby"));
        Assert.Equal("confirmed", (await Appointments.FindByTokenAsync(Host, Clinic, token)).Status);

        var withoutReason = await client.SubmitFormAsync(await client.GetPageAsync(url), url, new Dictionary<string, string> { ["Reason"] = " " }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, withoutReason.StatusCode);
        var cancelled = await Appointments.FindByTokenAsync(Host, Clinic, token);
        Assert.Equal(("cancelled", null, "patient"), (cancelled.Status, cancelled.CancellationReason, cancelled.CancelledBy));
    }

    private string Fill(string text) => text
        .Replace("{consultation}", Clinic.Consultation.ToString())
        .Replace("{otherConsultation}", OtherClinic.Consultation.ToString())
        .Replace("{otherHost}", OtherClinic.HostOne.ToString())
        .Replace("{unknown}", Guid.NewGuid().ToString())
        .Replace("{long:5000}", new string('A', 5000))
        .Replace("{long:3000}", new string('a', 3000));

    private static DateTimeOffset NextWeekday(DateTimeOffset day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
