using System.Net;
using Npgsql;

namespace Telemed.Booking.IntegrationTests;

/// <summary>Two host processes on one database, provisioned with a booking clinic.</summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    public BookingClinic Clinic { get; private set; } = null!;
    public string Database { get; private set; } = "";
    public HostProcess[] Nodes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestPostgres.CreateDatabaseAsync("race");
        await using (var setup = await BookingHosts.StartAsync(Database))
        {
            Clinic = await BookingClinic.CreateAsync(setup);
        }
        var settings = new Dictionary<string, string> { ["RateLimits:PublicPerMinute"] = "10000", ["Jobs:Workers"] = "1" };
        Nodes = [HostProcess.Start(Database, settings), HostProcess.Start(Database, settings)];
        await Task.WhenAll(Nodes.Select(n => n.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90))));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
    }
}

/// <summary>
/// Fifty patients submit the same slot at the same instant through two nodes: the database lets
/// exactly the slot's seats through, every other request gets the clear "just taken" answer, and
/// no two held times of the host overlap.
/// </summary>
public sealed class ConcurrentBookingShould(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    private const int Requests = 50;

    [Fact]
    public async Task LetExactlyOnePatientHaveAnIndividualSlot()
    {
        var outcome = await RaceAsync(nodes.Clinic.Consultation, duration: 30, dayOffset: 2);

        Assert.Equal(1, outcome.Booked);
        Assert.Equal(Requests - 1, outcome.Taken);
        await AssertDatabaseAsync(outcome.Start, expectedSeats: 1);
    }

    [Fact]
    public async Task LetExactlyTheCapacityOfAGroupSlotThrough()
    {
        var outcome = await RaceAsync(nodes.Clinic.GroupClass, duration: 60, dayOffset: 4);

        Assert.Equal(3, outcome.Booked);
        Assert.Equal(Requests - 3, outcome.Taken);
        await AssertDatabaseAsync(outcome.Start, expectedSeats: 3);
    }

    private async Task<(int Booked, int Taken, DateTimeOffset Start)> RaceAsync(Guid service, int duration, int dayOffset)
    {
        var clinic = nodes.Clinic;
        using var probe = new HttpClient { BaseAddress = nodes.Nodes[0].BaseAddress };
        var slots = await clinic.SlotsAsync(probe, service, clinic.HostOne.ToString(), days: dayOffset + 1);
        var slot = slots.Slots.First(s => DateTimeOffset.Parse(s.Start) > DateTimeOffset.UtcNow.AddDays(dayOffset - 1));
        var url = clinic.DetailsUrl(service, clinic.HostOne.ToString(), slot.Start, duration);

        // Each patient opens the form first (own cookies and antiforgery token), then all submit together.
        var forms = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
        {
            var client = new TestClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = nodes.Nodes[i % 2].BaseAddress,
                Timeout = TimeSpan.FromSeconds(90),
            };
            return (Client: client, Page: await client.GetPageAsync(url), Index: i);
        }));
        using var start = new SemaphoreSlim(0);
        var submissions = forms.Select(async form =>
        {
            await start.WaitAsync();
            var response = await form.Client.SubmitFormAsync(form.Page, url, BookingForms.Patient($"Racer {form.Index}", $"racer{form.Index}@example.test"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(Requests);
        var results = await Task.WhenAll(submissions);
        foreach (var form in forms)
        {
            form.Client.Dispose();
        }

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"unexpected {(int)r.StatusCode}"));
        Assert.All(results.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("This time was just taken", r.Body));
        return (results.Count(r => r.StatusCode == HttpStatusCode.Redirect), results.Count(r => r.StatusCode == HttpStatusCode.Conflict), DateTimeOffset.Parse(slot.Start));
    }

    private async Task AssertDatabaseAsync(DateTimeOffset start, int expectedSeats)
    {
        await using var connection = await TestPostgres.OpenSuperuserAsync(nodes.Database);
        Assert.Equal(expectedSeats, await ScalarAsync(connection,
            "SELECT count(*) FROM booking_appointments WHERE start_utc = @start AND status = 'confirmed'", start));
        Assert.Equal(expectedSeats, await ScalarAsync(connection,
            "SELECT coalesce(sum(seats_taken), 0) FROM booking_slots WHERE start_utc = @start", start));
        Assert.Equal(0, await ScalarAsync(connection, """
            SELECT count(*) FROM booking_slots a JOIN booking_slots b
              ON a.tenant_id = b.tenant_id AND a.host_id = b.host_id AND a.id < b.id AND a.busy && b.busy
            WHERE a.seats_taken > 0 AND b.seats_taken > 0
            """, start));
        Assert.Equal(0, await ScalarAsync(connection, """
            SELECT count(*) FROM booking_appointments a JOIN booking_appointments b
              ON a.tenant_id = b.tenant_id AND a.host_id = b.host_id AND a.id < b.id AND a.slot_id <> b.slot_id
             AND tstzrange(a.start_utc, a.end_utc) && tstzrange(b.start_utc, b.end_utc)
            WHERE a.status = 'confirmed' AND b.status = 'confirmed'
            """, start));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, DateTimeOffset start)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("start", start.UtcDateTime);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
