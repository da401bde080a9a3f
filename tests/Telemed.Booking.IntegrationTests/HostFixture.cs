using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Tenancy;

namespace Telemed.Booking.IntegrationTests;

/// <summary>The real host on loopback, recording every appointment event it publishes.</summary>
public static class BookingHosts
{
    public static async Task<TestHost> StartAsync(string? ownerConnectionString = null) =>
        await TestHost.StartAsync(ownerConnectionString: ownerConnectionString ?? await TestPostgres.CreateDatabaseAsync("book"),
            configureServices: services => services.AddEventSubscriber<AppointmentChanged, RecordingSubscriber>("tests.appointment-recorder"));
}

/// <summary>One host shared by the tests of a class; each test makes its own clinic.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public BookingHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BookingHosts.StartAsync();

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
