using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// A clinic made through the recipe steps the product ships: two hosts (one open around the clock
/// in UTC, one in Berlin office hours), an individual video service, a group class and a service
/// whose online changes close a month ahead.
/// </summary>
public sealed record BookingClinic(Tenant Tenant, Guid Consultation, Guid GroupClass, Guid Strict, Guid HostOne, Guid HostTwo)
{
    public const string Password = "Clinic-Pass-1";
    public const string AdminEmail = "admin@clinic.test";
    public const string HostOneEmail = "host.one@clinic.test";
    public const string HostTwoEmail = "host.two@clinic.test";
    public const string PatientEmail = "patient@clinic.test";

    public string PathBase => $"/c/{Tenant.Slug}";

    public static async Task<BookingClinic> CreateAsync(BookingHost host, string? slug = null)
    {
        slug ??= $"book-{Guid.NewGuid():N}"[..17];
        var recipe = Recipe.Parse($$"""
            {
              "name": "booking-tests",
              "steps": [
                { "step": "settings", "contactPhone": "+44 20 7946 0555", "contactEmail": "desk@clinic.test" },
                { "step": "users", "users": [
                  { "email": "{{AdminEmail}}", "password": "{{Password}}", "displayName": "Ada Admin", "roles": [ "ClinicAdmin" ] },
                  { "email": "{{HostOneEmail}}", "password": "{{Password}}", "displayName": "Dr One", "roles": [ "Host" ] },
                  { "email": "{{HostTwoEmail}}", "password": "{{Password}}", "displayName": "Dr Two", "roles": [ "Host" ] },
                  { "email": "{{PatientEmail}}", "password": "{{Password}}", "displayName": "Pat Patient", "roles": [ "Patient" ] } ] },
                { "step": "services", "services": [
                  { "name": "Consultation", "durations": [ 30, 60 ], "telemed": true, "meetingProvider": "Zoom", "horizonDays": 30, "changeNoticeMinutes": 60 },
                  { "name": "Group class", "durations": [ 60 ], "capacity": 3, "horizonDays": 30 },
                  { "name": "Strict visit", "durations": [ 30 ], "horizonDays": 20, "changeNoticeMinutes": 43200 } ] },
                { "step": "hosts", "hosts": [
                  { "user": "{{HostOneEmail}}", "timeZone": "UTC",
                    "weekly": { "Monday": "00:00-24:00", "Tuesday": "00:00-24:00", "Wednesday": "00:00-24:00", "Thursday": "00:00-24:00",
                                "Friday": "00:00-24:00", "Saturday": "00:00-24:00", "Sunday": "00:00-24:00" },
                    "services": [ "Consultation", "Group class", "Strict visit" ] },
                  { "user": "{{HostTwoEmail}}", "timeZone": "Europe/Berlin",
                    "weekly": { "Monday": "08:00-18:00", "Tuesday": "08:00-18:00", "Wednesday": "08:00-18:00", "Thursday": "08:00-18:00", "Friday": "08:00-18:00" },
                    "services": [ "Consultation" ] } ] }
              ]
            }
            """);
        var tenant = await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
        return await host.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            var services_ = await db.Services.ToDictionaryAsync(s => s.Name, s => s.Id);
            var hosts = await db.Hosts.ToDictionaryAsync(h => h.DisplayName, h => h.Id);
            return new BookingClinic(tenant, services_["Consultation"], services_["Group class"], services_["Strict visit"], hosts["Dr One"], hosts["Dr Two"]);
        });
    }

    /// <summary>The free slots as the public picker reads them.</summary>
    public async Task<SlotsResponse> SlotsAsync(HttpClient client, Guid service, string host = "any", string tz = "UTC", int? days = null, string? duration = null)
    {
        var from = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(days ?? 3).ToString("yyyy-MM-dd");
        var url = $"{PathBase}/booking/slots?service={service}&host={host}&from={from}&to={to}&tz={Uri.EscapeDataString(tz)}"
            + (duration is null ? "" : $"&duration={duration}");
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SlotsResponse>())!;
    }

    /// <summary>
    /// A free time at least two hours ahead: past the Consultation's change notice (an hour), so the patient may still
    /// reschedule or cancel it at whatever hour the test runs (late in the evening, UTC, tomorrow's first time is not).
    /// </summary>
    public async Task<SlotJson> ChangeableSlotAsync(HttpClient client, Guid service, string host = "any") =>
        (await SlotsAsync(client, service, host)).Slots.First(slot => DateTimeOffset.Parse(slot.Start) > DateTimeOffset.UtcNow.AddHours(2));

    public string DetailsUrl(Guid service, string host, string start, int duration = 30, string tz = "UTC") =>
        $"{PathBase}/book/{service}/details?host={host}&start={Uri.EscapeDataString(start)}&duration={duration}&tz={Uri.EscapeDataString(tz)}";
}
