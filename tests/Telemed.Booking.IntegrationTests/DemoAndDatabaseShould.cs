using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Booking.Data;
using Telemed.Core.Data;
using Telemed.Core.Recipes;
using Telemed.Tenants.Services;

namespace Telemed.Booking.IntegrationTests;

/// <summary>The demo clinic has times to book right after start; the database itself refuses overlapping holds.</summary>
public sealed class DemoAndDatabaseShould(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BookingHost Host => fixture.Host;

    [Fact]
    public async Task GiveTheDemoClinicBookableTimesAndADayAway()
    {
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "demo-clinic.recipe.json")));
        var tenant = await Host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest($"demo-{Guid.NewGuid():N}"[..15], "Demo copy", "Europe/London"));
        var (services, alice) = await Host.InTenantAsync(tenant, async provider =>
        {
            var db = provider.GetRequiredService<BookingDb>();
            return (await db.Services.ToDictionaryAsync(s => s.Name, s => s.Id), await db.Hosts.SingleAsync(h => h.DisplayName == "Dr Alice Carter"));
        });
        var clinic = new BookingClinic(tenant, services["General consultation"], services["Mindfulness group"], services["Therapy session"], alice.Id, Guid.Empty);
        var client = Host.CreateClient();

        Assert.Equal(4, services.Count);
        Assert.NotEmpty((await clinic.SlotsAsync(client, clinic.Consultation, days: 7)).Slots);
        Assert.NotEmpty((await clinic.SlotsAsync(client, clinic.Strict, days: 7)).Slots);
        var group = (await clinic.SlotsAsync(client, clinic.GroupClass, days: 7)).Slots;
        Assert.All(group, s => Assert.Equal(8, s.SeatsLeft));

        var away = Assert.Single(alice.Availability.OutOfOffice);
        Assert.Equal("Medical conference", away.Label);
        var awayDay = away.From.ToString("yyyy-MM-dd");
        var aliceSlots = await clinic.SlotsAsync(client, clinic.Consultation, alice.Id.ToString(), tz: "Europe/London", days: 9);
        Assert.DoesNotContain(aliceSlots.Slots, s => s.Start.StartsWith(awayDay));
    }

    [Fact]
    public async Task RefuseTwoOverlappingHoldsOfOneHostEvenFromRawSql()
    {
        var clinic = await BookingClinic.CreateAsync(Host);
        await using var connection = await Host.GetRequiredService<Database>().OpenAsync(clinic.Tenant.Id);
        var start = DateTime.UtcNow.Date.AddDays(3).AddHours(10);
        await InsertHoldAsync(connection, clinic, clinic.Consultation, start, start.AddMinutes(30));

        var overlap = await Assert.ThrowsAsync<PostgresException>(() => InsertHoldAsync(connection, clinic, clinic.Strict, start.AddMinutes(15), start.AddMinutes(45)));

        Assert.Equal("23P01", overlap.SqlState);
        await InsertHoldAsync(connection, clinic, clinic.Strict, start.AddMinutes(30), start.AddMinutes(60));
    }

    private static async Task InsertHoldAsync(NpgsqlConnection connection, BookingClinic clinic, Guid service, DateTime start, DateTime end)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO booking_slots (id, tenant_id, host_id, service_id, start_utc, end_utc, buffer_before_minutes, buffer_after_minutes, busy, capacity, seats_taken)
            VALUES (gen_random_uuid(), @tenant, @host, @service, @start, @end, 0, 0, tstzrange(@start, @end), 1, 1)
            """, connection);
        insert.Parameters.AddWithValue("tenant", clinic.Tenant.Id);
        insert.Parameters.AddWithValue("host", clinic.HostOne);
        insert.Parameters.AddWithValue("service", service);
        insert.Parameters.AddWithValue("start", start);
        insert.Parameters.AddWithValue("end", end);
        await insert.ExecuteNonQueryAsync();
    }
}
