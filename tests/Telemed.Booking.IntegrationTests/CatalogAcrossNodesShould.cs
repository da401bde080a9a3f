using System.Diagnostics;
using System.Net;

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
        var changed = Stopwatch.StartNew();

        // The first request after the change, on the node that held the old catalog.
        var after = await clinic.SlotsAsync(visitor, clinic.Consultation, clinic.HostTwo.ToString(), tz: "Europe/Berlin", days: 8);
        var answeredIn = changed.Elapsed;
        Assert.NotEmpty(after.Slots);
        Assert.All(after.Slots, s => Assert.Contains(LocalTime(s.Start), new[] { "10:00", "10:30" }));
        Assert.True(answeredIn < TimeSpan.FromSeconds(1), $"the second node answered with the new hours after {answeredIn.TotalMilliseconds:0} ms");
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

        Assert.Contains("Physiotherapy", (await visitor.GetPageAsync($"{clinic.PathBase}/book")).Body!.TextContent);
    }

    private static string LocalTime(string iso8601) => iso8601[11..16];
}
