using System.Net;
using Npgsql;
using Telemed.Booking.Catalog;
using Telemed.Core.Data;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// Two nodes on one database. The public pages answer from a clinic's catalog held in memory, and a change made through
/// the other node's admin pages must show on the very next request: the catalog is checked against the database's
/// version with every read, never trusted for a while.
/// </summary>
public sealed class CatalogAcrossNodesShould : IAsyncLifetime
{
    private TestHost _first = null!;
    private TestHost _second = null!;

    public async Task InitializeAsync()
    {
        _first = await BookingHosts.StartAsync();
        _second = await BookingHosts.StartAsync(_first.OwnerConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task ServeAHostsNewHoursOnTheOtherNodeWithinASecond()
    {
        var clinic = await BookingClinic.CreateAsync(_first);
        var visitor = _second.CreateClient();
        var before = await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8);
        Assert.Contains(before.Slots, s => LocalTime(s.Start) == "08:00");
        Assert.Equal(before.Slots, (await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8)).Slots);

        var admin = await SignIn.AsAsync(_first, clinic, BookingClinic.AdminEmail);
        var url = $"{clinic.PathBase}/admin/hosts/edit/{clinic.HostTwo}";
        var saved = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string>
        {
            // Named here: the form's checkbox and its hidden "false" share the name, which this form reader keeps only once.
            ["Input.Active"] = "true", ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.Weekly[1]"] = "10:00-11:00", ["Input.Weekly[2]"] = "10:00-11:00", ["Input.Weekly[3]"] = "10:00-11:00",
            ["Input.Weekly[4]"] = "10:00-11:00", ["Input.Weekly[5]"] = "10:00-11:00",
        }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The second node held the old hours in memory; the database's announcement of the change makes it drop them.
        var after = await Waiting.ForAsync(() => clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8),
            answer => answer.Slots.Count > 0 && answer.Slots.All(s => LocalTime(s.Start) is "10:00" or "10:30"),
            answer => string.Join(", ", answer.Slots.Take(5).Select(s => s.Start)), "the new hours on the second node", TimeSpan.FromSeconds(1));
        Assert.NotEmpty(after.Slots);
        var page = await visitor.GetPageAsync($"{clinic.PathBase}/book/{clinic.Consultation}?host={clinic.HostTwo}&tz=Europe/Berlin");
        var times = page.QuerySelectorAll("[data-testid=slots] a.slot").Select(a => a.TextContent.Trim()).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, time => Assert.Contains(time, new[] { "10:00", "10:30" }));
    }

    [Fact]
    public async Task ListAServiceAddedOnOneNodeOnTheOthersServicePageAtOnce()
    {
        var clinic = await BookingClinic.CreateAsync(_first);
        var visitor = _second.CreateClient();
        Assert.DoesNotContain("Physiotherapy", (await visitor.GetPageAsync($"{clinic.PathBase}/book")).Body!.TextContent);

        var admin = await SignIn.AsAsync(_first, clinic, BookingClinic.AdminEmail);
        var url = $"{clinic.PathBase}/admin/services/edit";
        var saved = await admin.SubmitFormAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string>
        {
            ["Input.Name"] = "Physiotherapy", ["Input.Durations"] = "45", ["Input.Capacity"] = "1", ["Input.HostIds"] = clinic.HostOne.ToString(), ["Input.Active"] = "true",
        }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await Waiting.UntilAsync(async () => (await visitor.GetPageAsync($"{clinic.PathBase}/book")).Body!.TextContent.Contains("Physiotherapy"),
            "the new service on the second node's service list", TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task StopOfferingATimeBookedOnTheOtherNodeWithinASecond()
    {
        var clinic = await BookingClinic.CreateAsync(_first);
        var visitor = _second.CreateClient();
        var offered = await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8);
        var time = offered.Slots[offered.Slots.Count / 2].Start;
        // Asked again, so the second node answers from the seats it holds in memory.
        Assert.Contains(time, (await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8)).Slots.Select(s => s.Start));

        await BookingForms.BookOkAsync(_first.CreateClient(), clinic.DetailsUrl(clinic.Consultation, clinic.HostTwo.ToString(), time, tz: "Europe/Berlin"));

        await Waiting.ForAsync(() => clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8),
            answer => answer.Slots.All(s => s.Start != time), _ => $"{time} still offered", "the booked time gone on the second node", TimeSpan.FromSeconds(1));
    }


    [Fact]
    public async Task ForgetWhatItHeldWhenItsListenerReconnects()
    {
        var clinic = await BookingClinic.CreateAsync(_first);
        var visitor = _second.CreateClient();
        var notifications = _second.GetRequiredService<PostgresNotifications>();
        var offered = await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8);
        // The node subscribes when the booking path is first used; from then on it answers from memory.
        await Waiting.UntilAsync(() => notifications.IsListening(BookingCatalogs.Channel), "the second node to listen for booking changes");
        var time = offered.Slots[offered.Slots.Count / 2].Start;
        Assert.Contains(time, (await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8)).Slots.Select(s => s.Start));

        // The second node's listener loses its connection, and a booking is made on the first node meanwhile: its
        // announcement may never reach the second node, which must not answer from what it held before.
        var killed = notifications.ListenerProcessId!.Value;
        await using (var superuser = await TestPostgres.OpenSuperuserAsync(_first.OwnerConnectionString))
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend($1)", superuser) { Parameters = { new() { Value = killed } } })
        {
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }
        await Waiting.UntilAsync(() => notifications.ListenerProcessId != killed, "the second node to notice its listener's connection is gone");
        await BookingForms.BookOkAsync(_first.CreateClient(), clinic.DetailsUrl(clinic.Consultation, clinic.HostTwo.ToString(), time, tz: "Europe/Berlin"));

        // Down, it asks the database; back, it has dropped what it held (or heard the announcement, if it was back first).
        await Waiting.ForAsync(() => clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8),
            answer => answer.Slots.All(s => s.Start != time), _ => $"{time} still offered", "the booked time gone on the second node", TimeSpan.FromSeconds(1));
        await Waiting.UntilAsync(() => notifications.ListenerProcessId is { } pid && pid != killed && notifications.IsListening(BookingCatalogs.Channel),
            "the second node's listener to reconnect");
        Assert.DoesNotContain(time, (await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8)).Slots.Select(s => s.Start));
    }

    private static string LocalTime(string iso8601) => iso8601[11..16];
}
