using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Availability;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;
using Telemed.Booking.Services;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// What /booking/slots answers, compared with what the availability engine says when fed straight from the clinic's
/// tables, over a grid of services, hosts, visitor zones and weeks, including the weeks the clocks change in Europe,
/// North America and Lord Howe Island (a half-hour change). However the endpoint gets its data (reads, caches,
/// serialization), its answer must stay the engine's.
/// </summary>
public sealed class SlotAnswersShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] VisitorZones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];

    [Fact]
    public async Task BeTheEnginesAnswerForEveryServiceHostZoneAndWeekIncludingClockChanges()
    {
        var (tenant, services, hosts) = await ClinicAsync();
        var client = fixture.Host.CreateClient();
        await BookOneAsync(tenant, services["Consultation"]);
        var weeks = new[] { DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)) }
            .Concat(new[] { "Europe/Berlin", "America/New_York", "Australia/Lord_Howe" }.Select(zone => NextClockChange(TimeZoneInfo.FindSystemTimeZoneById(zone))))
            .Distinct()
            .ToList();
        var compared = 0;
        foreach (var (service, serviceId) in services)
        {
            foreach (var host in new[] { "any" }.Concat(hosts.Values.Select(h => h.ToString())))
            {
                foreach (var zone in VisitorZones)
                {
                    foreach (var first in weeks)
                    {
                        var last = first.AddDays(6);
                        var response = await client.GetAsync($"/c/{tenant.Slug}/booking/slots?service={serviceId}&host={host}"
                            + $"&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&tz={Uri.EscapeDataString(zone)}");
                        if (host != "any" && response.StatusCode == HttpStatusCode.NotFound)
                        {
                            continue; // this host does not offer this service
                        }
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        var answer = (await response.Content.ReadFromJsonAsync<SlotsResponse>())!;
                        var expected = await EngineAsync(tenant, serviceId, host == "any" ? null : Guid.Parse(host), first, last, zone);
                        Assert.True(expected.SequenceEqual(answer.Slots),
                            $"{service}, host {host}, {zone}, week of {first:yyyy-MM-dd}: the endpoint gave {answer.Slots.Count} slots, the engine {expected.Count}; "
                            + $"first difference: {expected.Zip(answer.Slots).FirstOrDefault(p => p.First != p.Second)}");
                        // Asked again: the node may answer from memory now, and must say the same.
                        var again = await client.GetAsync(response.RequestMessage!.RequestUri);
                        Assert.Equal(await response.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
                        compared += answer.Slots.Count;
                    }
                }
            }
        }
        Assert.True(compared > 1000, $"only {compared} slots compared");
    }

    /// <summary>The engine fed straight from the tables: the clinic's hosts for the service, their schedules and held seats.</summary>
    private Task<List<SlotJson>> EngineAsync(Tenant tenant, Guid serviceId, Guid? hostId, DateOnly first, DateOnly last, string zoneId) =>
        fixture.Host.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == serviceId);
            var offering = await db.ServiceHosts.AsNoTracking().Where(l => l.ServiceId == serviceId).Select(l => l.HostId).ToListAsync();
            var hosts = (await db.Hosts.AsNoTracking().Where(h => h.Active && offering.Contains(h.Id)).ToListAsync())
                .Where(h => hostId is null || h.Id == hostId).ToList();
            var holds = await db.Slots.AsNoTracking().Where(s => s.SeatsTaken > 0).ToListAsync();
            var range = VisitorTime.DaysToUtc(first, last, zone);
            var minutes = service.Durations.Min();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            return hosts
                .SelectMany(host => AvailabilityEngine.FindSlots(host.ToSchedule(), service.RulesFor(minutes),
                        holds.Where(h => h.HostId == host.Id).Select(h => new BusyInterval(h.StartUtc, h.EndUtc, TimeSpan.FromMinutes(h.BufferBeforeMinutes),
                            TimeSpan.FromMinutes(h.BufferAfterMinutes), h.ServiceId.ToString(), h.SeatsTaken)).ToList(),
                        new AvailabilityQuery(range, now))
                    .Select(slot => (host, slot)))
                .OrderBy(x => x.slot.Start).ThenBy(x => x.host.DisplayName, StringComparer.Ordinal)
                .Select(x => new SlotJson(VisitorTime.ToIso8601(x.slot.Start, zone), VisitorTime.ToIso8601(x.slot.End, zone), x.host.Id, x.host.DisplayName, x.slot.SeatsLeft))
                .ToList();
        });

    /// <summary>The Monday on or before the next day whose UTC offset differs from the day before's, in <paramref name="zone"/>.</summary>
    private static DateOnly NextClockChange(TimeZoneInfo zone)
    {
        var day = DateTime.UtcNow.Date.AddDays(2);
        for (var i = 0; i < 370; i++, day = day.AddDays(1))
        {
            if (zone.GetUtcOffset(day) != zone.GetUtcOffset(day.AddDays(1)))
            {
                var change = DateOnly.FromDateTime(day);
                return change.AddDays(-(((int)change.DayOfWeek + 6) % 7));
            }
        }
        throw new InvalidOperationException($"{zone.Id} does not change its clocks within a year.");
    }

    /// <summary>Hosts in three zones with hours that cross the night (so the changed hour is inside them), services of several lengths and a group.</summary>
    private async Task<(Tenant, Dictionary<string, Guid>, Dictionary<string, Guid>)> ClinicAsync()
    {
        var slug = $"ans-{Guid.NewGuid():N}"[..16];
        var recipe = Recipe.Parse("""
            {
              "name": "slot-answers",
              "steps": [
                { "step": "users", "users": [
                  { "email": "berlin@clinic.test", "password": "Clinic-Pass-1", "displayName": "Dr Berlin", "roles": [ "Host" ] },
                  { "email": "newyork@clinic.test", "password": "Clinic-Pass-1", "displayName": "Dr New York", "roles": [ "Host" ] },
                  { "email": "lordhowe@clinic.test", "password": "Clinic-Pass-1", "displayName": "Dr Lord Howe", "roles": [ "Host" ] } ] },
                { "step": "services", "services": [
                  { "name": "Consultation", "durations": [ 30, 60 ], "bufferAfter": 10, "horizonDays": 400 },
                  { "name": "Long visit", "durations": [ 90 ], "bufferBefore": 15, "horizonDays": 400 },
                  { "name": "Group class", "durations": [ 60 ], "capacity": 4, "horizonDays": 400 } ] },
                { "step": "hosts", "hosts": [
                  { "user": "berlin@clinic.test", "timeZone": "Europe/Berlin", "services": [ "Consultation", "Long visit", "Group class" ],
                    "weekly": { "Saturday": "00:00-04:00, 20:00-24:00", "Sunday": "00:00-05:00, 09:00-12:00", "Monday": "08:00-18:00", "Wednesday": "08:00-18:00" } },
                  { "user": "newyork@clinic.test", "timeZone": "America/New_York", "services": [ "Consultation", "Long visit" ],
                    "weekly": { "Sunday": "00:00-06:00, 13:00-17:00", "Monday": "09:00-17:00", "Tuesday": "09:00-17:00", "Friday": "22:00-24:00" } },
                  { "user": "lordhowe@clinic.test", "timeZone": "Australia/Lord_Howe", "services": [ "Consultation" ],
                    "weekly": { "Sunday": "00:00-04:00, 18:00-24:00", "Saturday": "10:00-24:00", "Thursday": "07:00-15:30" } } ] }
              ]
            }
            """);
        var tenant = await fixture.Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
        return await fixture.Host.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            return (tenant, await db.Services.ToDictionaryAsync(s => s.Name, s => s.Id), await db.Hosts.ToDictionaryAsync(h => h.DisplayName, h => h.Id));
        });
    }

    /// <summary>One booking, so held seats and buffers shape the answer too.</summary>
    private Task BookOneAsync(Tenant tenant, Guid serviceId) => fixture.Host.InTenantAsync(tenant, async services =>
    {
        var finder = services.GetRequiredService<SlotFinder>();
        var db = services.GetRequiredService<BookingDb>();
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == serviceId);
        var hosts = await finder.HostsOfferingAsync(serviceId, null, CancellationToken.None);
        var from = finder.Now.AddDays(2);
        var slot = (await finder.FindAsync(service, hosts, 60, new UtcRange(from, from.AddDays(7)), CancellationToken.None))[1];
        var result = await services.GetRequiredService<BookingService>().BookAsync(new BookingRequest(serviceId, slot.Host.Id, slot.Slot.Start, 60,
            new PatientInfo("Pat Answer", "pat.answer@patient.test", null, "UTC", null, null)), CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
        return true;
    });
}
