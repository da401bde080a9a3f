using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Telemed.Booking.Endpoints;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// The month of free times: the slots endpoint answers a whole month, and the picker page draws it without
/// JavaScript as links: marked days, the chosen day's times going on to the details step.
/// </summary>
public sealed class MonthPickerShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BookingHost Host => fixture.Host;

    [Fact]
    public async Task AnswerAWholeMonthAsTheSameDaysAskedAsARange()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var month = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM");
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd");
        var last = first.AddMonths(1).AddDays(-1);

        var byMonth = await SlotsAsync(client, clinic, $"month={month}");
        var byRange = await SlotsAsync(client, clinic, $"from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");

        Assert.Equal((first.ToString("yyyy-MM-dd"), last.ToString("yyyy-MM-dd")), (byMonth.From, byMonth.To));
        Assert.NotEmpty(byMonth.Slots);
        Assert.Equal(byRange.Slots, byMonth.Slots);
    }

    [Theory]
    [InlineData("month=2026-13", "Give a month as yyyy-MM")]
    [InlineData("month=next", "Give a month as yyyy-MM")]
    [InlineData("month=2026-12&to=2026-12-31", "not both")]
    public async Task RefuseABadMonthWithAMessage(string query, string message)
    {
        var clinic = await BookingClinic.CreateAsync(Host);

        var response = await Host.CreateClient().GetAsync($"{clinic.PathBase}/booking/slots?service={clinic.Consultation}&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, problem.RootElement.GetProperty("errors").GetProperty("month")[0].GetString());
    }

    [Fact]
    public async Task DrawTheMonthWithLinksOnlyForTheDaysThatHaveTimes()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var page = await client.GetPageAsync($"{clinic.PathBase}/book/{clinic.Consultation}?host={clinic.HostTwo}&tz=Asia%2FTokyo");
        var month = page.QuerySelector("#slot-picker")!.GetAttribute("data-month")!;
        var free = (await SlotsAsync(client, clinic, $"host={clinic.HostTwo}&tz=Asia%2FTokyo&month={month}")).Slots
            .Select(s => s.Start[..10]).Distinct().Order().ToList();

        var marked = page.QuerySelectorAll("#month-grid a.calendar-day").Select(a => a.GetAttribute("data-day")!).ToList();
        var unmarked = page.QuerySelectorAll("#month-grid span.calendar-day").ToList();

        Assert.NotEmpty(free);
        Assert.Equal(free, marked);
        Assert.NotEmpty(unmarked);
        Assert.All(unmarked, day => Assert.Equal("true", day.GetAttribute("aria-disabled")));
        Assert.Equal(DateTime.DaysInMonth(int.Parse(month[..4]), int.Parse(month[5..])), marked.Count + unmarked.Count);
        Assert.Equal(free[0], page.QuerySelector("#month-grid td[aria-selected=true] .calendar-day")!.GetAttribute("data-day"));
        Assert.Matches(@"^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, \d+ times? available$", page.QuerySelector("#month-grid a.calendar-day")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task ListTheChosenDaysTimesAsLinksThatBookWithoutJavaScript()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var first = await client.GetPageAsync($"{clinic.PathBase}/book/{clinic.Consultation}?host={clinic.HostTwo}&tz=America%2FNew_York&duration=60");
        var lastFreeDay = first.QuerySelectorAll("#month-grid a.calendar-day").Last().GetAttribute("href")!;

        var page = await client.GetPageAsync(lastFreeDay);
        var day = page.QuerySelector("#slot-picker")!.GetAttribute("data-day")!;
        var expected = (await SlotsAsync(client, clinic, $"host={clinic.HostTwo}&tz=America%2FNew_York&duration=60&from={day}&to={day}")).Slots;
        var times = page.QuerySelectorAll("#slots a.slot").ToList();

        Assert.Equal(expected.Select(s => s.Start), times.Select(a => a.GetAttribute("data-start")));
        Assert.Equal(expected.Select(s => s.Start[11..16]), times.Select(a => a.TextContent.Trim()));
        var details = times[0].GetAttribute("href")!;
        Assert.Equal(clinic.DetailsUrl(clinic.Consultation, clinic.HostTwo.ToString(), expected[0].Start, duration: 60, tz: "America/New_York"), details);
        var token = await BookingForms.BookOkAsync(client, details);
        Assert.Equal(DateTimeOffset.Parse(expected[0].Start), (await Appointments.FindByTokenAsync(Host, clinic, token)).StartUtc);
    }

    [Fact]
    public async Task KeepTheManageLinksChangeTokenInEveryLinkWhenRescheduling()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var slot = await clinic.ChangeableSlotAsync(client, clinic.Consultation, clinic.HostOne.ToString());
        var token = await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.Consultation, clinic.HostOne.ToString(), slot.Start));
        var manage = await client.GetPageAsync($"{clinic.PathBase}/book/manage/{token}");

        var page = await client.GetPageAsync(manage.QuerySelector("a[data-testid=reschedule]")!.GetAttribute("href")!);

        var change = Uri.EscapeDataString(token);
        Assert.All(page.QuerySelectorAll("#month-grid a.calendar-day, a.month-nav[href]"), link => Assert.Contains($"change={change}", link.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll("#slots a.slot"), link => Assert.StartsWith($"{clinic.PathBase}/book/manage/{change}/reschedule?start=", link.GetAttribute("href")));
        Assert.NotEmpty(page.QuerySelectorAll("#slots a.slot"));
    }

    [Fact]
    public async Task DrawTheMonthAnewOnceATimeOnItIsBooked()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var url = $"{clinic.PathBase}/book/{clinic.Consultation}?host={clinic.HostTwo}&tz=Europe%2FBerlin";
        var first = await client.GetPageAsync(url);
        var again = await client.GetPageAsync(url);
        var time = first.QuerySelector("#slots a.slot")!;
        var day = first.QuerySelector("#slot-picker")!.GetAttribute("data-day");
        int TimesOnTheDay(IHtmlDocument page) => int.Parse(page.QuerySelector($"#month-grid [data-day='{day}']")!.GetAttribute("data-count")!);

        await BookingForms.BookOkAsync(client, time.GetAttribute("href")!);
        var after = await client.GetPageAsync(url);

        Assert.Equal(first.QuerySelector("#slots")!.OuterHtml, again.QuerySelector("#slots")!.OuterHtml);
        Assert.DoesNotContain(time.GetAttribute("data-start"), after.QuerySelectorAll("#slots a.slot").Select(a => a.GetAttribute("data-start")));
        Assert.True(TimesOnTheDay(after) < TimesOnTheDay(first), $"{day} had {TimesOnTheDay(first)} times before the booking and {TimesOnTheDay(after)} after");
    }

    [Fact]
    public async Task NameALinksProblemOnlyOnThePageOfThatLink()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var opening = $"{clinic.PathBase}/book/{clinic.Consultation}?tz=Europe%2FBerlin";
        var plain = $"{opening}&month={(await client.GetPageAsync(opening)).QuerySelector("#slot-picker")!.GetAttribute("data-month")}";
        var faulty = $"{plain}&day=2001-01-01";

        var pages = new List<IHtmlDocument>();
        foreach (var url in new[] { plain, faulty, plain, faulty })
        {
            pages.Add(await client.GetPageAsync(url));
        }

        var described = pages.Select(page => page.QuerySelector("#month-grid")!.GetAttribute("aria-describedby")).ToList();
        Assert.Equal([null, "day-error", null, "day-error"], described);
        Assert.Contains("Times can be booked from", pages[3].QuerySelector("#day-error")!.TextContent);
        Assert.Equal(pages[0].QuerySelector("#slots")!.OuterHtml, pages[1].QuerySelector("#slots")!.OuterHtml);
    }

    private static async Task<SlotsResponse> SlotsAsync(HttpClient client, BookingClinic clinic, string query)
    {
        var response = await client.GetAsync($"{clinic.PathBase}/booking/slots?service={clinic.Consultation}&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SlotsResponse>())!;
    }
}
