using System.Net;
using Telemed.Booking.Services;
using Telemed.Core.Clinic;

namespace Telemed.Booking.IntegrationTests;

/// <summary>The public booking site over HTTP: book, confirm, add to calendar, reschedule and cancel by the signed link.</summary>
public sealed class BookingFlowShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BookingHost Host => fixture.Host;

    [Fact]
    public async Task BookFromALinkThatLeavesOutTheHostAndZone()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var slot = (await clinic.SlotsAsync(client, clinic.Consultation)).Slots[0];

        var token = await BookingForms.BookOkAsync(client, $"{clinic.PathBase}/book/{clinic.Consultation}/details?start={Uri.EscapeDataString(slot.Start)}&duration=30");

        Assert.Equal(DateTimeOffset.Parse(slot.Start), (await Appointments.FindByTokenAsync(Host, clinic, token)).StartUtc);
    }

    [Fact]
    public async Task BookASlotAndConfirmItWithCalendarLinksAndAManageLink()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var slot = (await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostOne.ToString())).Slots[0];

        var token = await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.Consultation, clinic.HostOne.ToString(), slot.Start));

        var confirmation = await client.GetPageAsync($"{clinic.PathBase}/book/confirmation/{token}");
        Assert.Contains("Your appointment is booked", confirmation.QuerySelector("h1")!.TextContent);
        Assert.Contains("Dr One", confirmation.QuerySelector("[data-testid=appointment-summary]")!.TextContent);
        Assert.Contains("calendar.google.com/calendar/render", confirmation.QuerySelector("a[href*='google.com']")!.GetAttribute("href"));
        Assert.Equal($"{clinic.PathBase}/book/manage/{token}", confirmation.QuerySelector("[data-testid=manage-link]")!.GetAttribute("href"));

        var ics = await client.GetAsync($"{clinic.PathBase}/book/manage/{token}/appointment.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        var appointment = await Appointments.FindByTokenAsync(Host, clinic, token);
        Assert.Contains($"UID:{appointment.Id:N}@telemed-booking", calendar);
        Assert.Contains($"DTSTART:{appointment.StartUtc.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", calendar);
        Assert.Equal(DateTimeOffset.Parse(slot.Start), appointment.StartUtc);

        var after = await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostOne.ToString());
        Assert.DoesNotContain(after.Slots, s => s.Start == slot.Start);
        var booked = await RecordedEvents.WaitForAsync(appointment.Id, AppointmentChange.Booked);
        Assert.Equal(appointment.Id.ToString(), booked.SlotKey);
        Assert.Equal("zoom", booked.MeetingProvider);
        Assert.Equal("jamie@example.test", booked.PatientEmail);
    }

    [Fact]
    public async Task RescheduleAndThenCancelThroughTheManageLink()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var slots = (await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostOne.ToString(), tz: "America/New_York")).Slots;
        var token = await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.Consultation, clinic.HostOne.ToString(), slots[0].Start, tz: "America/New_York"));
        var manageUrl = $"{clinic.PathBase}/book/manage/{token}";

        var rescheduleUrl = $"{manageUrl}/reschedule?start={Uri.EscapeDataString(slots[3].Start)}&tz=America%2FNew_York";
        var moved = await client.SubmitFormAsync(await client.GetPageAsync(rescheduleUrl), rescheduleUrl, new Dictionary<string, string>(), formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var appointment = await Appointments.FindByTokenAsync(Host, clinic, token);
        Assert.Equal(DateTimeOffset.Parse(slots[3].Start), appointment.StartUtc);
        var rescheduled = await RecordedEvents.WaitForAsync(appointment.Id, AppointmentChange.Rescheduled);
        Assert.Equal(DateTimeOffset.Parse(slots[0].Start), rescheduled.PreviousStartUtc);
        var free = await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostOne.ToString(), tz: "America/New_York");
        Assert.Contains(free.Slots, s => s.Start == slots[0].Start);

        var manage = await client.GetPageAsync(manageUrl);
        var cancelUrl = manage.QuerySelector("a[data-testid=cancel]")!.GetAttribute("href")!;
        var confirm = await client.GetPageAsync(cancelUrl);
        Assert.Equal("confirmed", (await Appointments.FindByTokenAsync(Host, clinic, token)).Status);
        var summary = confirm.QuerySelector("[data-testid=appointment-summary]")!.TextContent;
        Assert.Contains("Dr One", summary);
        Assert.Contains("Consultation", summary);
        Assert.Contains(TimeText.Range(DateTimeOffset.Parse(slots[3].Start), DateTimeOffset.Parse(slots[3].End), "America/New_York") + " (America/New York)", summary);
        var cancelled = await client.SubmitFormAsync(confirm, cancelUrl, new Dictionary<string, string> { ["Reason"] = "Feeling better" }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(manageUrl, cancelled.Headers.Location!.ToString());
        var page = await client.GetPageAsync(manageUrl);
        Assert.Equal("cancelled", page.QuerySelector("[data-testid=appointment-status] [data-status]")!.GetAttribute("data-status"));
        Assert.Null(page.QuerySelector("[data-testid=reschedule]"));
        var cancelledEvent = await RecordedEvents.WaitForAsync(appointment.Id, AppointmentChange.Cancelled);
        Assert.Equal("Feeling better", cancelledEvent.CancellationReason);
    }

    [Fact]
    public async Task RefuseOnlineChangesInsideTheServicesNoticePeriod()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var slot = (await clinic.SlotsAsync(client, clinic.Strict)).Slots[0];
        var token = await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.Strict, "any", slot.Start));
        var manageUrl = $"{clinic.PathBase}/book/manage/{token}";

        var manage = await client.GetPageAsync(manageUrl);
        Assert.Contains("up to 30 days before", manage.QuerySelector(".alert-info")!.TextContent);
        Assert.Null(manage.QuerySelector("[data-testid=cancel]"));
        // Asked to call, the patient gets the clinic's phone and e-mail as links.
        var contact = manage.QuerySelector(".alert-info [data-testid=clinic-contact]")!;
        Assert.Equal("tel:+442079460555", contact.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Equal("mailto:desk@clinic.test", contact.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        var confirm = await client.GetPageAsync($"{manageUrl}/cancel");
        Assert.Contains("up to 30 days before", confirm.QuerySelector("[data-testid=manage-error]")!.TextContent);
        Assert.Null(confirm.QuerySelector("main form[method=post]"));

        var forced = await BookingForms.PostAsync(client, clinic.PathBase, $"{manageUrl}/cancel", new Dictionary<string, string> { ["Reason"] = "try anyway" });
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Equal("confirmed", (await Appointments.FindByTokenAsync(Host, clinic, token)).Status);
    }

    [Fact]
    public async Task OfferAGroupSlotUntilItsSeatsAreTaken()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var slot = (await clinic.SlotsAsync(client, clinic.GroupClass)).Slots[0];
        Assert.Equal(3, slot.SeatsLeft);

        var tokens = new List<string>();
        for (var seat = 1; seat <= 3; seat++)
        {
            tokens.Add(await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.GroupClass, "any", slot.Start, duration: 60),
                BookingForms.Patient($"Member {seat}", $"member{seat}@example.test")));
            var left = (await clinic.SlotsAsync(client, clinic.GroupClass)).Slots.FirstOrDefault(s => s.Start == slot.Start);
            Assert.Equal(3 - seat, left?.SeatsLeft ?? 0);
        }

        var (refused, page) = await BookingForms.BookAsync(client, clinic.DetailsUrl(clinic.GroupClass, "any", slot.Start, duration: 60));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("This time was just taken", page.QuerySelector("[data-testid=booking-error]")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=fresh-slots] a"));

        var keys = new List<string>();
        foreach (var token in tokens)
        {
            var appointment = await Appointments.FindByTokenAsync(Host, clinic, token);
            keys.Add((await RecordedEvents.WaitForAsync(appointment.Id, AppointmentChange.Booked)).SlotKey);
        }
        Assert.Single(keys.Distinct());
        Assert.StartsWith("slot:", keys[0]);
    }

    [Fact]
    public async Task GiveAnyAvailableHostWhenTheFirstIsTaken()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();
        var berlinSlot = (await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostTwo.ToString(), days: 7)).Slots[0];

        await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.Consultation, clinic.HostOne.ToString(), berlinSlot.Start));
        var token = await BookingForms.BookOkAsync(client, clinic.DetailsUrl(clinic.Consultation, "any", berlinSlot.Start));

        Assert.Equal(clinic.HostTwo, (await Appointments.FindByTokenAsync(Host, clinic, token)).HostId);
        var (refused, _) = await BookingForms.BookAsync(client, clinic.DetailsUrl(clinic.Consultation, "any", berlinSlot.Start));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task ShowSlotsInTheVisitorsZoneWithTheirOffset()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        var client = Host.CreateClient();

        var tokyo = await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Asia/Tokyo", days: 7);
        var berlin = await clinic.SlotsAsync(client, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 7);

        Assert.Equal("Asia/Tokyo", tokyo.TimeZone);
        Assert.All(tokyo.Slots, s => Assert.EndsWith("+09:00", s.Start));
        Assert.All(berlin.Slots, s => Assert.InRange(TimeOnly.Parse(s.Start[11..16]), new TimeOnly(8, 0), new TimeOnly(17, 30)));
        Assert.Contains(berlin.Slots, s => s.Start[11..16] == "08:00");
        Assert.All(berlin.Slots, s => Assert.Equal("Dr Two", s.HostName));
    }
}
