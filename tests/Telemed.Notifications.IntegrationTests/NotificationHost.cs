using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;

namespace Telemed.Notifications.IntegrationTests;

/// <summary>The real host delivering e-mail to a real SMTP server of the test, shared by a test class.</summary>
public sealed class NotificationHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;
    public CapturingSmtpServer Smtp { get; } = new();

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:FromAddress"] = "clinic@notify.test",
    }, await TestPostgres.CreateDatabaseAsync("notify"));

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A clinic provisioned from a recipe with the templates step (default wording, reminders 24 h and 1 h).</summary>
    public async Task<Tenant> ClinicAsync(string extraSteps = "")
    {
        var slug = $"n-{Guid.NewGuid():N}"[..14];
        var recipe = Recipe.Parse($$"""
            { "name": "notify-tests", "steps": [
              { "step": "users", "users": [ { "email": "admin@{{slug}}.test", "password": "Clinic-Pass-1", "displayName": "Ada Admin", "roles": [ "ClinicAdmin" ] },
                                            { "email": "host@{{slug}}.test", "password": "Clinic-Pass-1", "displayName": "Dr Host", "roles": [ "Host" ] } ] },
              { "step": "templates", "defaults": true, "reminderOffsets": [ 1440, 60 ] } {{extraSteps}} ] }
            """);
        return await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, $"Clinic {slug}", "Europe/London"));
    }

    public static AppointmentChanged Appointment(Guid id, AppointmentChange change, DateTimeOffset start, int version, string patientName = "Pat Patient",
        string email = "pat@patient.test", string status = "confirmed", string? reason = null, DateTimeOffset? previous = null) =>
        new(id, change, status, Guid.NewGuid(), "Consultation", false, "none", 1, Guid.NewGuid(), null, "Dr Host", "Europe/London",
            start, start.AddMinutes(30), patientName, email, null, "America/New_York", reason, id.ToString(), previous, version);

    public Task PublishAsync(Tenant clinic, AppointmentChanged appointment) =>
        Host.GetRequiredService<EventPublisher>().PublishAsync(appointment, clinic.Id);
}
