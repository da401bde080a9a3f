using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Booking.Data;
using Telemed.Booking.Services;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Tenants.Services;
using static Microsoft.Playwright.Assertions;

namespace Telemed.Booking.BrowserTests;

/// <summary>
/// A running host with a clinic for the staff calendar: an admin, two doctors in London open 07:00–21:00 every day, a
/// video and an in-person service, and the default templates and workflows, so a booking mails the patient (to the
/// embedded SMTP server, read back in the Outbox). Shared by the tests of a class.
/// </summary>
public sealed class StaffCalendarFixture : IAsyncLifetime
{
    public const string Password = "Clinic-Pass-1";
    public const string AdminEmail = "admin@calendar.test";
    public const string DoctorEmail = "dr.kim@calendar.test";
    public const string Zone = "Europe/London";

    private readonly BrowserFixture browser = new();

    public TestHost Host { get; private set; } = null!;
    public Tenant Clinic { get; private set; } = null!;
    public string PathBase => $"/c/{Clinic.Slug}";

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        await browser.InitializeAsync();
        var slug = $"cal-{Guid.NewGuid():N}"[..16];
        var everyDay = """{ "Monday": "07:00-21:00", "Tuesday": "07:00-21:00", "Wednesday": "07:00-21:00", "Thursday": "07:00-21:00", "Friday": "07:00-21:00", "Saturday": "07:00-21:00", "Sunday": "07:00-21:00" }""";
        var recipe = Recipe.Parse($$"""
            {
              "name": "staff-calendar-tests",
              "steps": [
                { "step": "users", "users": [
                  { "email": "{{AdminEmail}}", "password": "{{Password}}", "displayName": "Ada Admin", "roles": [ "ClinicAdmin" ] },
                  { "email": "{{DoctorEmail}}", "password": "{{Password}}", "displayName": "Dr Kim", "roles": [ "Host" ] },
                  { "email": "dr.lee@calendar.test", "password": "{{Password}}", "displayName": "Dr Lee", "roles": [ "Host" ] } ] },
                { "step": "services", "services": [
                  { "name": "Video consultation", "durations": [ 30 ], "telemed": true, "meetingProvider": "Zoom", "minimumNoticeMinutes": 120, "horizonDays": 60 },
                  { "name": "Check-up", "durations": [ 20, 40 ], "telemed": false, "horizonDays": 60 } ] },
                { "step": "hosts", "hosts": [
                  { "user": "{{DoctorEmail}}", "timeZone": "{{Zone}}", "weekly": {{everyDay}}, "services": [ "Video consultation", "Check-up" ] },
                  { "user": "dr.lee@calendar.test", "timeZone": "{{Zone}}", "weekly": {{everyDay}}, "services": [ "Video consultation", "Check-up" ] } ] },
                { "step": "templates", "defaults": true },
                { "step": "workflows", "defaults": true }
              ]
            }
            """);
        Clinic = await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest(slug, "Harbour Clinic", Zone));
    }

    public async Task<(IBrowserContext Context, PolicyViolations Violations)> NewWatchedContextAsync()
    {
        var context = await browser.NewContextAsync(Host);
        return (context, await PolicyViolations.WatchAsync(context));
    }

    /// <summary>The clinic's day <paramref name="daysAhead"/> from today, in London.</summary>
    public static DateOnly Day(int daysAhead) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime).AddDays(daysAhead);

    /// <summary>An instant at a London wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(Zone).GetUtcOffset(local));
    }

    /// <summary>Books through the product's booking service, as the staff form does; returns the appointment's id.</summary>
    public Task<Guid> BookAsync(string patient, string doctor, string service, DateTimeOffset start) => Host.InTenantAsync(Clinic, async services =>
    {
        var db = services.GetRequiredService<BookingDb>();
        var hostId = (await db.Hosts.SingleAsync(h => h.DisplayName == doctor)).Id;
        var found = await db.Services.SingleAsync(s => s.Name == service);
        var email = patient.Replace(' ', '.').ToLowerInvariant() + "@example.test";
        var result = await services.GetRequiredService<BookingService>().BookAsync(
            new BookingRequest(found.Id, hostId, start, found.Durations.Min(), new PatientInfo(patient, email, null, Zone, null, null), ByStaff: true),
            CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
        return result.Appointment!.Id;
    });

    public Task<DateTimeOffset> StartOfAsync(Guid appointmentId) => Host.InTenantAsync(Clinic, async services =>
        (await services.GetRequiredService<BookingDb>().Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId)).StartUtc);

    public async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync($"{PathBase}/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await PageUrls.ExpectAsync(page, "**/admin");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    /// <summary>A picture of the page for the README (see <see cref="DocScreenshots"/>).</summary>
    public static Task ScreenshotForDocsAsync(IPage page, string name) => DocScreenshots.SaveAsync(page, name);

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
