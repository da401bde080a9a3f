using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;
using Telemed.Booking.Models;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Booking.BrowserTests;

/// <summary>A running host with one booking clinic (its host works every day but Sunday), and Chromium; shared by the tests of a class.</summary>
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
                                "Friday": "07:00-21:00", "Saturday": "07:00-21:00" },
                    "services": [ "Video consultation" ] } ] }
              ]
            }
            """);
        Clinic = await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, "Lakeside Clinic", "Europe/London"));
    }

    public Task<IBrowserContext> NewContextAsync() => browser.NewContextAsync(Host);

    /// <summary>A context like <see cref="NewContextAsync()"/> with its own zone, viewport or JavaScript setting.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = Host.BaseAddress.ToString().TrimEnd('/');
        options.Locale ??= "en-GB";
        options.TimezoneId ??= "Europe/London";
        var context = await browser.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(Chromium.DefaultTimeout);
        context.SetDefaultNavigationTimeout(Chromium.DefaultTimeout);
        return context;
    }

    /// <summary>The clinic's one service's free times as the slots endpoint answers <paramref name="query"/>.</summary>
    public async Task<SlotsResponse> SlotsAsync(string query)
    {
        var serviceId = await ServiceIdAsync();
        using var client = Host.CreateClient();
        return (await client.GetFromJsonAsync<SlotsResponse>($"{PathBase}/booking/slots?service={serviceId}&{query}"))!;
    }

    public Task<Guid> ServiceIdAsync() => Host.InTenantAsync(Clinic, services => services.GetRequiredService<BookingDb>().Services.Select(s => s.Id).SingleAsync());

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
