using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Models;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Booking.BrowserTests;

/// <summary>A running host with one booking clinic, and Chromium; shared by the tests of a class.</summary>
public sealed class BookingBrowserFixture : IAsyncLifetime
{
    public const string Password = "Clinic-Pass-1";
    public const string HostEmail = "dr.kim@clinic.test";

    private readonly BrowserFixture browser = new();

    public TestHost Host { get; private set; } = null!;
    public Tenant Clinic { get; private set; } = null!;
    public string PathBase => $"/c/{Clinic.Slug}";

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        await browser.InitializeAsync();
        var slug = $"browse-{Guid.NewGuid():N}"[..18];
        var recipe = Recipe.Parse($$"""
            {
              "name": "booking-browser-tests",
              "steps": [
                { "step": "users", "users": [ { "email": "{{HostEmail}}", "password": "{{Password}}", "displayName": "Dr Kim", "roles": [ "Host" ] } ] },
                { "step": "services", "services": [ { "name": "Video consultation", "durations": [ 30 ], "telemed": true, "meetingProvider": "Zoom", "minimumNoticeMinutes": 120, "horizonDays": 30, "changeNoticeMinutes": 60 } ] },
                { "step": "hosts", "hosts": [ { "user": "{{HostEmail}}", "timeZone": "Europe/London",
                    "weekly": { "Monday": "07:00-21:00", "Tuesday": "07:00-21:00", "Wednesday": "07:00-21:00", "Thursday": "07:00-21:00",
                                "Friday": "07:00-21:00", "Saturday": "07:00-21:00", "Sunday": "07:00-21:00" },
                    "services": [ "Video consultation" ] } ] }
              ]
            }
            """);
        Clinic = await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, "Lakeside Clinic", "Europe/London"));
    }

    public Task<IBrowserContext> NewContextAsync() => browser.NewContextAsync(Host);

    /// <summary>An appointment with the host that started a few minutes ago (what a browser cannot book), holding its seat.</summary>
    public async Task<Guid> StartedAppointmentAsync(string patient)
    {
        var (hostId, serviceId) = await Host.InTenantAsync(Clinic, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            return ((await db.Hosts.SingleAsync()).Id, (await db.Services.SingleAsync()).Id);
        });
        return await SeededAppointments.InsertAsync(Host, Clinic, hostId, serviceId, DateTimeOffset.UtcNow.AddMinutes(-5), 30, patient);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
