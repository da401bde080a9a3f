using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Booking.Data;
using Telemed.Booking.Endpoints;
using Telemed.Booking.Models;
using Telemed.Core.Data;
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
    public Task<Guid> StartedAppointmentAsync(string patient) => Host.InTenantAsync(Clinic, async services =>
    {
        var db = services.GetRequiredService<BookingDb>();
        var host = await db.Hosts.SingleAsync();
        var service = await db.Services.SingleAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var slotId = Guid.NewGuid();
        await using (var connection = await services.GetRequiredService<Database>().OpenAsync(Clinic.Id))
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO booking_slots (id, tenant_id, host_id, service_id, start_utc, end_utc, buffer_before_minutes, buffer_after_minutes, busy, capacity, seats_taken)
            VALUES (@id, @tenant, @host, @service, @start, @end, 0, 0, tstzrange(@start, @end), 1, 1)
            """, connection))
        {
            insert.Parameters.AddWithValue("id", slotId);
            insert.Parameters.AddWithValue("tenant", Clinic.Id);
            insert.Parameters.AddWithValue("host", host.Id);
            insert.Parameters.AddWithValue("service", service.Id);
            insert.Parameters.AddWithValue("start", start.UtcDateTime);
            insert.Parameters.AddWithValue("end", start.AddMinutes(30).UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }
        var appointment = new Appointment
        {
            ServiceId = service.Id, HostId = host.Id, SlotId = slotId, PatientName = patient, PatientEmail = "walk.in@example.test",
            StartUtc = start, EndUtc = start.AddMinutes(30), HostTimeZone = host.TimeZone,
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    });

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
