using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Api.IntegrationTests;

/// <summary>A clinic made through the product's recipe steps: an admin, a doctor open around the clock in UTC, and one video service.</summary>
public sealed record ApiClinic(Tenant Tenant, Guid Consultation, Guid Doctor)
{
    public const string Password = "Clinic-Pass-1";
    public const string AdminEmail = "admin@clinic.test";
    public const string DoctorEmail = "doctor@clinic.test";

    /// <summary>Unique per clinic, so a test can tell from an answer whose data it is.</summary>
    public string ServiceName => $"Consultation {Tenant.Slug}";

    public string PathBase => $"/c/{Tenant.Slug}";

    public string Api(string pathAndQuery) => $"{PathBase}/api/v1{pathAndQuery}";

    public static async Task<ApiClinic> CreateAsync(TestHost host)
    {
        var slug = $"api-{Guid.NewGuid():N}"[..16];
        var recipe = Recipe.Parse($$"""
            {
              "name": "api-tests",
              "steps": [
                { "step": "users", "users": [
                  { "email": "{{AdminEmail}}", "password": "{{Password}}", "displayName": "Ada Admin", "roles": [ "ClinicAdmin" ] },
                  { "email": "{{DoctorEmail}}", "password": "{{Password}}", "displayName": "Dr Api", "roles": [ "Host" ] } ] },
                { "step": "services", "services": [
                  { "name": "Consultation {{slug}}", "durations": [ 30, 60 ], "telemed": true, "meetingProvider": "Zoom", "horizonDays": 30 } ] },
                { "step": "hosts", "hosts": [
                  { "user": "{{DoctorEmail}}", "timeZone": "UTC",
                    "weekly": { "Monday": "00:00-24:00", "Tuesday": "00:00-24:00", "Wednesday": "00:00-24:00", "Thursday": "00:00-24:00",
                                "Friday": "00:00-24:00", "Saturday": "00:00-24:00", "Sunday": "00:00-24:00" },
                    "services": [ "Consultation {{slug}}" ] } ] }
              ]
            }
            """);
        var tenant = await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
        return await host.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<BookingDb>();
            var service = await db.Services.SingleAsync();
            var doctor = await db.Hosts.SingleAsync();
            return new ApiClinic(tenant, service.Id, doctor.Id);
        });
    }
}

/// <summary>One host shared by the tests of a class; each test makes its own clinics.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(ownerConnectionString: await TestPostgres.CreateDatabaseAsync("api"));

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
