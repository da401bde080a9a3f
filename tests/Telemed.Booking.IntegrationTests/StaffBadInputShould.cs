using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;

namespace Telemed.Booking.IntegrationTests;

/// <summary>The staff pages that take dates, zones and numbers: a bad one gets a message beside its field, never a 500, and the form keeps what was typed.</summary>
public sealed class StaffBadInputShould(TwoClinicsFixture fixture) : IClassFixture<TwoClinicsFixture>
{
    private BookingHost Host => fixture.Host;
    private BookingClinic Clinic => fixture.Clinic;

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-28")]
    [InlineData("0001-01-01")]
    [InlineData("10000-01-01")]
    [InlineData("2026-02-30")]
    [InlineData("-1")]
    public async Task ShowTheWeekFromTodayWhenTheRescheduleDayIsOutOfRange(string day)
    {
        var id = await BookAsync();
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);

        var page = await admin.GetPageAsync($"{Clinic.PathBase}/admin/appointments/{id}/reschedule?day={Uri.EscapeDataString(day)}");

        Assert.Contains("not a date we can show", page.FieldError("Day"));
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), page.QuerySelector("#day")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelectorAll("input[name=start]"));
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("12/31/9999")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    public async Task RefuseToMoveAnAppointmentToATimeOutsideTheCalendar(string start)
    {
        var id = await BookAsync();
        var before = (await Appointments.FindAsync(Host, Clinic, id)).StartUtc;
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var url = $"{Clinic.PathBase}/admin/appointments/{id}/reschedule";

        var response = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string> { ["start"] = start },
            formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, (await Appointments.FindAsync(Host, Clinic, id)).StartUtc);
    }

    [Theory]
    [InlineData("Input.Overrides", "9999-12-31 closed", "from 2000 to 2100")]
    [InlineData("Input.Overrides", "0001-01-01 09:00-12:00", "from 2000 to 2100")]
    [InlineData("Input.OutOfOffice", "10000-01-01 Holiday", "from 2000 to 2100")]
    [InlineData("Input.OutOfOffice", "2026-12-24..9999-12-31 Holiday", "from 2000 to 2100")]
    [InlineData("Input.OutOfOffice", "1999-12-31 Party", "from 2000 to 2100")]
    [InlineData("Input.TimeZone", "localtime", "Choose a time zone from the list")]
    [InlineData("Input.TimeZone", "../../etc/passwd", "Choose a time zone from the list")]
    [InlineData("Input.TimeZone", "Europe//Berlin", "Choose a time zone from the list")]
    [InlineData("Input.Weekly[1]", "09:00-99:99", "is not a window")]
    [InlineData("Input.Weekly[2]", "-1", "is not a window")]
    public async Task ShowAFieldErrorForHoursOrDatesItCannotKeep(string field, string value, string message)
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var url = $"{Clinic.PathBase}/admin/hosts/edit/{Clinic.HostTwo}";

        var response = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string> { [field] = value },
            formSelector: "main form[method=post]");

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page.FieldError(field));
        if (field is "Input.Overrides" or "Input.OutOfOffice")
        {
            Assert.Equal(value, page.QuerySelector($"textarea[name='{field}']")!.TextContent.Trim());
        }
        Assert.Equal("Europe/Berlin", await HostZoneAsync(Clinic.HostTwo));
    }

    [Fact]
    public async Task ShowEveryWeekdayAgainWhenAFormPostedOnlySomeOfThem()
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var url = $"{Clinic.PathBase}/admin/hosts/edit/{Clinic.HostTwo}";
        var page = await admin.GetPageAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = "Dr Two",
            ["Input.TimeZone"] = "Mars/Olympus",
            ["Input.Weekly"] = "09:00-12:00",
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(7, Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("input[name^='Input.Weekly']").Length);
    }

    [Theory]
    [InlineData("Input.Capacity", "99999999999")]
    [InlineData("Input.Capacity", "-1")]
    [InlineData("Input.BufferBefore", "-5")]
    [InlineData("Input.BufferAfter", "1e3")]
    [InlineData("Input.MinimumNotice", "-2147483649")]
    [InlineData("Input.HorizonDays", "0")]
    [InlineData("Input.HorizonDays", "100000")]
    [InlineData("Input.ChangeNotice", "２０")]
    [InlineData("Input.Durations", "30, 99999999999")]
    [InlineData("Input.Durations", "-30")]
    [InlineData("Input.MeetingProvider", "42")]
    public async Task ShowAFieldErrorForAServiceNumberOutOfRange(string field, string value)
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);
        var url = $"{Clinic.PathBase}/admin/services/edit/{Clinic.Strict}";

        var response = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string> { [field] = value },
            formSelector: "main form[method=post]");

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotEqual("", page.FieldError(field));
    }

    [Theory]
    [InlineData("when=9999-12-31&host=not-a-guid")]
    [InlineData("when=&host=&status=%3Cscript%3E")]
    [InlineData("host=00000000-0000-0000-0000-000000000000&q=%25%25%25_")]
    [InlineData("when=all&when=past&host={host}&host={host}")]
    [InlineData("q={long}")]
    public async Task ListAppointmentsWhateverTheFilters(string query)
    {
        var admin = await SignIn.AsAsync(Host, Clinic, BookingClinic.AdminEmail);

        var response = await admin.GetAsync($"{Clinic.PathBase}/admin/appointments?{query.Replace("{host}", Clinic.HostOne.ToString()).Replace("{long}", new string('x', 5000))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Guid> BookAsync()
    {
        var client = Host.CreateClient();
        var slot = (await Clinic.SlotsAsync(client, Clinic.Consultation, Clinic.HostOne.ToString(), days: 6)).Slots[0];
        var token = await BookingForms.BookOkAsync(client, Clinic.DetailsUrl(Clinic.Consultation, Clinic.HostOne.ToString(), slot.Start));
        return (await Appointments.FindByTokenAsync(Host, Clinic, token)).Id;
    }

    private Task<string> HostZoneAsync(Guid hostId) => Host.InTenantAsync(Clinic.Tenant, async services =>
        (await services.GetRequiredService<BookingDb>().Hosts.AsNoTracking().SingleAsync(h => h.Id == hostId)).TimeZone);
}
