using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Security;
using Telemed.Core.Tenancy;
using Telemed.Meetings.Data;

namespace Telemed.GoogleMeet.IntegrationTests;

/// <summary>The demo clinic as the run command seeds it: a Google Meet service, and its doctor connected to the sandbox's Google.</summary>
public sealed class GoogleDemoShould
{
    [Fact]
    public async Task ConnectTheDemosTherapistToTheSandboxsGoogleSoTherapySessionsGetAMeetLink()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:SeedDemo"] = "true",
            ["Google:RecipeSandboxConnections"] = "true",
        });
        var demo = await host.GetRequiredService<TenantRegistry>().FindBySlugAsync("demo") ?? throw new InvalidOperationException("No demo clinic.");
        var therapist = await host.InTenantAsync(demo, async services =>
        {
            var user = await services.GetRequiredService<IUserDirectory>().FindByEmailAsync("dr.ravi@demo.clinic");
            return await services.GetRequiredService<IHostDirectory>().FindByUserAsync(user!.Id);
        }) ?? throw new InvalidOperationException("Dr Ravi is not a host.");

        var connection = await Waiting.ForAsync(() => host.InTenantAsync(demo, services =>
                services.GetRequiredService<MeetingsDb>().Connections.AsNoTracking().SingleOrDefaultAsync(c => c.HostId == therapist.Id && c.Provider == "google-meet")),
            c => c?.Status == "connected", c => c?.Status ?? "none", "Dr Ravi's Google connection");
        Assert.Equal("dr.ravi@demo.clinic", connection!.Email);

        var start = DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(9);
        var appointment = new AppointmentChanged(Guid.NewGuid(), AppointmentChange.Booked, "confirmed", Guid.NewGuid(), "Therapy session", true, "google-meet", 1,
            therapist.Id, therapist.UserId, therapist.DisplayName, therapist.TimeZone, start, start.AddMinutes(45), "Sam Patel", "patient@demo.clinic", null,
            "Europe/London", null, $"demo-{Guid.NewGuid():N}");
        await host.InTenantAsync(demo, async services =>
        {
            await services.GetRequiredService<EventPublisher>().PublishAsync(appointment, demo.Id);
            return true;
        });

        var meeting = await Waiting.ForAsync(() => host.InTenantAsync(demo, services =>
                services.GetRequiredService<MeetingsDb>().Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.SlotKey == appointment.SlotKey)),
            m => m?.State == "created", m => $"{m?.State} {m?.LastError}", "the therapy session's Meet link");
        Assert.Contains("/sandbox/google/meet/", meeting!.JoinUrl);
    }
}
