using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Booking.BrowserTests;

/// <summary>
/// The staff calendar, booking for a patient and moving an appointment, in Chromium under the product's
/// Content-Security-Policy (FullCalendar's injected stylesheet included), on a desktop and a 390 px phone.
/// Each test uses days of its own, so the shared clinic's bookings never meet.
/// </summary>
public sealed class StaffCalendarShould(StaffCalendarFixture fixture) : IClassFixture<StaffCalendarFixture>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task ShowABookedAppointmentInWeekAndMonthViewsAndOpenIt()
    {
        var day = StaffCalendarFixture.Day(2);
        var id = await fixture.BookAsync("Ruth Ellis", "Dr Kim", "Video consultation", StaffCalendarFixture.At(day, 10));
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await fixture.SignInAsync(page, StaffCalendarFixture.AdminEmail);
            await page.GetByRole(AriaRole.Link, new() { Name = "Calendar", Exact = true }).First.ClickAsync();
            await PageUrls.ExpectAsync(page, "**/admin/calendar*");
            await page.GotoAsync($"{fixture.PathBase}/admin/calendar?date={Iso(day)}");

            var appointment = page.Locator($".fc-event[data-appointment-id='{id}']");
            await Expect(page.Locator(".fc-timeGridWeek-view")).ToBeVisibleAsync();
            await Expect(appointment).ToContainTextAsync("Ruth Ellis");
            await Expect(appointment).ToContainTextAsync("Video consultation");
            await Expect(appointment).ToContainTextAsync("Confirmed");
            await Expect(appointment).ToHaveAttributeAsync("aria-label", new Regex(@"10:00–10:30 (GMT|BST): Ruth Ellis, Video consultation with Dr Kim\. Confirmed\. (Video|No video)"));
            await Expect(page.GetByTestId("calendar-zone")).ToHaveTextAsync(new Regex(@"^Europe/London \((GMT|BST)\)$"));
            await Expect(page.GetByTestId("calendar-week")).ToBeHiddenAsync();
            // FullCalendar's stylesheet was let in by its nonce: its rules place the event in the time grid.
            Assert.True(await page.Locator("style[data-fullcalendar]").EvaluateAsync<int>("s => s.sheet.cssRules.length") > 100);
            Assert.Equal("absolute", await page.Locator(".fc-timegrid-event-harness").First.EvaluateAsync<string>("e => getComputedStyle(e).position"));
            await StaffCalendarFixture.ScreenshotForDocsAsync(page, "staff-calendar.png");

            await page.Locator(".fc-dayGridMonth-button").ClickAsync();
            await Expect(page.Locator(".fc-dayGridMonth-view")).ToBeVisibleAsync();
            await Expect(appointment).ToContainTextAsync("Ruth Ellis");
            await appointment.ClickAsync();

            await PageUrls.ExpectAsync(page, $"**/admin/appointments/{id}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Ruth Ellis");
        });
    }

    [Fact]
    public async Task BookForAPatientAndShowItInTheCalendarTheListAndThePatientsMail()
    {
        var day = StaffCalendarFixture.Day(3);
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await fixture.SignInAsync(page, StaffCalendarFixture.AdminEmail);
            await page.GotoAsync($"{fixture.PathBase}/admin/calendar?date={Iso(day)}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Book for a patient" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/admin/appointments/new*");
            await page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Video consultation (video)" });
            await page.GetByLabel("Host", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Dr Lee" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Show free times" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/admin/appointments/new?*host=*");

            await Expect(page.GetByTestId("notice-rule")).ToContainTextAsync("staff may book inside it");
            await page.GetByRole(AriaRole.Group, new() { Name = day.ToString("dddd d MMMM", English) }).GetByText("11:00–11:30").ClickAsync();
            await page.GetByLabel("Patient's full name").FillAsync("Nora Quinn");
            await page.GetByLabel("Patient's e-mail").FillAsync("nora.quinn@example.test");
            await page.GetByLabel("Patient's phone (optional)").FillAsync("+44 7700 900456");
            await page.GetByLabel("Patient's time zone").SelectOptionAsync("Europe/Paris");
            await StaffCalendarFixture.ScreenshotForDocsAsync(page, "book-for-patient.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Book appointment" }).ClickAsync();

            await PageUrls.ExpectAwayFromAsync(page, "/admin/appointments/new");
            await Expect(page.Locator(".alert-success[role=status]")).ToContainTextAsync("Booked Nora Quinn with Dr Lee");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Nora Quinn");

            await page.GotoAsync($"{fixture.PathBase}/admin/calendar?date={Iso(day)}");
            await Expect(page.Locator(".fc-event", new() { HasText = "Nora Quinn" })).ToContainTextAsync("11:00");
            await page.GotoAsync($"{fixture.PathBase}/admin/appointments?when=upcoming");
            await Expect(page.GetByTestId("appointments")).ToContainTextAsync("Nora Quinn");

            await Waiting.UntilAsync(async () =>
            {
                await page.GotoAsync($"{fixture.PathBase}/admin/outbox");
                return await page.Locator("[data-outbox-id]", new() { HasText = "nora.quinn@example.test" }).CountAsync() > 0;
            }, "the patient's confirmation in the Outbox");
        });
    }

    [Fact]
    public async Task OpenTheBookingFormAtAFreeTimeClickedInTheDayView()
    {
        var day = StaffCalendarFixture.Day(4);
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await fixture.SignInAsync(page, StaffCalendarFixture.DoctorEmail);
            await page.GotoAsync($"{fixture.PathBase}/admin/calendar?date={Iso(day)}&view=timeGridDay");
            await Expect(page.GetByTestId("calendar-scope")).ToContainTextAsync("Dr Kim");
            var lane = page.Locator("td.fc-timegrid-slot-lane[data-time='14:00:00']");
            await lane.ScrollIntoViewIfNeededAsync();
            var box = (await lane.BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));

            await PageUrls.ExpectAsync(page, $"**/admin/appointments/new?at={Iso(day)}T14%3A00");
            await Expect(page.Locator("input[name=Start]:checked")).ToHaveValueAsync(new Regex($"^{Iso(day)}T14:00:00"));
            await Expect(page.Locator("#host option")).ToHaveTextAsync(["Dr Kim"]);
        });
    }

    [Fact]
    public async Task MoveAnAppointmentToAFreeTimePickedFromTheHostsWeek()
    {
        var day = StaffCalendarFixture.Day(5);
        var newDay = StaffCalendarFixture.Day(6);
        var id = await fixture.BookAsync("Omar Diaz", "Dr Kim", "Check-up", StaffCalendarFixture.At(day, 9));
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        await violations.AssertNoneAfterAsync(async () =>
        {
            await fixture.SignInAsync(page, StaffCalendarFixture.AdminEmail);
            await page.GotoAsync($"{fixture.PathBase}/admin/calendar?date={Iso(day)}");
            await page.Locator($".fc-event[data-appointment-id='{id}']").ClickAsync();
            await PageUrls.ExpectAsync(page, $"**/admin/appointments/{id}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule for the patient" }).ClickAsync();
            await PageUrls.ExpectAsync(page, $"**/admin/appointments/{id}/reschedule");

            await page.GetByRole(AriaRole.Group, new() { Name = newDay.ToString("dddd d MMMM", English) }).GetByText("15:00–15:20").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Move appointment" }).ClickAsync();

            await PageUrls.ExpectAsync(page, $"**/admin/appointments/{id}");
            await Expect(page.Locator(".alert-success[role=status]")).ToContainTextAsync("Appointment moved to");
        });
        Assert.Equal(StaffCalendarFixture.At(newDay, 15), await fixture.StartOfAsync(id));
    }

    [Fact]
    public async Task FitAPhoneScreenWithTheDayViewAndTheBookingForm()
    {
        var day = StaffCalendarFixture.Day(1);
        await fixture.BookAsync("Lena Park", "Dr Kim", "Video consultation", StaffCalendarFixture.At(day, 12));
        var (context, violations) = await fixture.NewWatchedContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await violations.AssertNoneAfterAsync(async () =>
        {
            await fixture.SignInAsync(page, StaffCalendarFixture.DoctorEmail);
            await page.GotoAsync($"{fixture.PathBase}/admin/calendar?date={Iso(day)}");
            await Expect(page.Locator(".fc-timeGridDay-view")).ToBeVisibleAsync();
            await Expect(page.Locator(".fc-event", new() { HasText = "Lena Park" })).ToBeVisibleAsync();
            Assert.True(await FitsWidthAsync(page), "the calendar page scrolls sideways at 390 px");

            await page.GetByRole(AriaRole.Link, new() { Name = "Book for a patient" }).ClickAsync();
            await PageUrls.ExpectAsync(page, "**/admin/appointments/new*");
            await Expect(page.GetByTestId("free-times").Locator("label.btn").First).ToBeVisibleAsync();
            Assert.True(await FitsWidthAsync(page), "the booking form scrolls sideways at 390 px");
        });
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
