using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Core.Clinic;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;

namespace Telemed.GoogleMeet.BrowserTests.Infrastructure;

/// <summary>
/// A clinic provisioned as sign-up does (with its first admin), then given by recipe a doctor who offers a Google Meet
/// consultation around the clock (so the first free time is soon) and a patient with an account for the portal.
/// </summary>
public sealed class MeetClinic
{
    public const string Password = TestClinics.Password;
    public const string AdminEmail = TestClinics.AdminEmail;
    public const string DoctorEmail = "dr.okafor@clinic.test";
    public const string DoctorName = "Dr Grace Okafor";
    public const string PatientEmail = "jamie.fox@example.test";
    public const string PatientName = "Jamie Fox";
    public const string ServiceName = "Google Meet consultation";

    private readonly TestHost _host;

    private MeetClinic(TestHost host, Tenant tenant)
    {
        _host = host;
        Tenant = tenant;
    }

    public Tenant Tenant { get; }

    public string PathBase => $"/c/{Tenant.Slug}";

    public static async Task<MeetClinic> ProvisionAsync(TestHost host)
    {
        var tenant = await TestClinics.ProvisionAsync(host, "meet");
        var recipe = Recipe.Parse($$"""
            {
              "name": "google-meet-visit",
              "steps": [
                { "step": "users", "users": [
                  { "email": "{{DoctorEmail}}", "password": "{{Password}}", "displayName": "{{DoctorName}}", "roles": [ "Host" ] },
                  { "email": "{{PatientEmail}}", "password": "{{Password}}", "displayName": "{{PatientName}}", "roles": [ "Patient" ] } ] },
                { "step": "services", "services": [
                  { "name": "{{ServiceName}}", "durations": [ 30 ], "telemed": true, "meetingProvider": "google-meet",
                    "minimumNoticeMinutes": 60, "horizonDays": 14, "changeNoticeMinutes": 0 } ] },
                { "step": "hosts", "hosts": [
                  { "user": "{{DoctorEmail}}", "timeZone": "Europe/London",
                    "weekly": { "Monday": "00:00-24:00", "Tuesday": "00:00-24:00", "Wednesday": "00:00-24:00", "Thursday": "00:00-24:00",
                                "Friday": "00:00-24:00", "Saturday": "00:00-24:00", "Sunday": "00:00-24:00" },
                    "services": [ "{{ServiceName}}" ] } ] }
              ]
            }
            """);
        await host.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, tenant);
        return new MeetClinic(host, tenant);
    }

    /// <summary>The appointment a patient booked through the public pages, read past row-level security.</summary>
    public async Task<(Guid Id, DateTimeOffset Start)> FindAppointmentAsync(string patientEmail)
    {
        await using var superuser = await TestPostgres.OpenSuperuserAsync(_host.OwnerConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT id, start_utc FROM booking_appointments WHERE tenant_id = @tenant AND patient_email = @email", superuser);
        command.Parameters.AddWithValue("tenant", Tenant.Id);
        command.Parameters.AddWithValue("email", patientEmail);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no booking by {patientEmail} was saved");
        return (reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Waits for the job queue to have made the appointment's meeting at the sandbox's Google, and returns it as staff see it.</summary>
    public async Task<MeetingInfo> WaitForMeetingAsync(Guid appointmentId) =>
        (await Waiting.ForAsync(
            () => _host.InTenantAsync(Tenant, services =>
                services.GetRequiredService<IMeetingLinks>().GetForHostAsync(appointmentId, freshStartUrl: false)),
            meeting => meeting is { State: MeetingState.Created },
            meeting => $"{meeting?.State} {meeting?.Reason} {meeting?.LastError}",
            $"the Google Meet event of appointment {appointmentId} to be created at the sandbox"))!;

    public Task<T> InClinicAsync<T>(Func<IServiceProvider, Task<T>> work) => _host.InTenantAsync(Tenant, work);
}
