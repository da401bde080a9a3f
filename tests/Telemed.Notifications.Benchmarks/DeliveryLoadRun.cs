using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Recipes;
using Telemed.Testing;
using Telemed.Tenants.Services;

namespace Telemed.Notifications.Benchmarks;

/// <summary>
/// Messages per second delivered through the job queue to the embedded SMTP server: N bookings are published as events;
/// each becomes a rendered confirmation (HTML, text, ICS) in the message log and a delivery job; the run ends when the
/// Outbox holds all N and fails if any is missing, duplicated or not marked sent.
/// </summary>
public static class DeliveryLoadRun
{
    public static async Task<int> RunAsync(int bookings)
    {
        using var jobTimes = JobTimes.Listen();
        var database = await TestPostgres.CreateDatabaseAsync("mailload");
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" }, database);
        var clinic = await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(Recipe.Parse("""
            { "name": "mail-load", "steps": [ { "step": "templates", "defaults": true, "reminderOffsets": [ 1440 ] } ] }
            """), new ClinicRequest("mail-load", "Mail Load Clinic", "Europe/London"));
        var publisher = host.GetRequiredService<EventPublisher>();
        var start = DateTimeOffset.UtcNow.Date.AddDays(10);

        Console.WriteLine($"Delivering {bookings:N0} booking confirmations (HTML + text + ICS) through the job queue to the embedded SMTP server…");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < bookings; i++)
        {
            var id = Guid.NewGuid();
            var at = new DateTimeOffset(start.AddMinutes(30 * i), TimeSpan.Zero);
            await publisher.PublishAsync(new AppointmentChanged(id, AppointmentChange.Booked, "confirmed", Guid.NewGuid(), "Consultation", false, "none", 1,
                Guid.NewGuid(), null, "Dr Load", "Europe/London", at, at.AddMinutes(30), $"Patient {i}", $"patient{i}@load.test", null, "Europe/London", null, id.ToString(), null, 1), clinic.Id);
        }
        var enqueued = clock.Elapsed;
        await using var connection = await TestPostgres.OpenSuperuserAsync(database);
        long outbox = 0, sent = 0;
        TimeSpan? rendered = null;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (rendered is null && await CountAsync(connection, "SELECT count(*) FROM message_log") >= bookings)
            {
                rendered = clock.Elapsed;
            }
            outbox = await CountAsync(connection, "SELECT count(*) FROM notification_outbox");
            sent = await CountAsync(connection, "SELECT count(*) FROM message_log WHERE status = 'sent'");
            if (outbox >= bookings && sent >= bookings) break;
            await Task.Delay(100);
        }
        var total = clock.Elapsed;
        var distinct = await CountAsync(connection, "SELECT count(DISTINCT recipients) FROM notification_outbox");
        Console.WriteLine($"  published {bookings:N0} events in {enqueued.TotalSeconds:F1} s");
        Console.WriteLine($"  every confirmation rendered and logged after {rendered?.TotalSeconds:F1} s");
        Console.WriteLine($"  {outbox:N0} messages in the Outbox ({distinct:N0} distinct recipients), {sent:N0} marked sent, after {total.TotalSeconds:F1} s");
        Console.WriteLine($"  throughput: {bookings / total.TotalSeconds:F0} messages/s end to end (event → render → log → job → SMTP → Outbox)");
        jobTimes.Print();
        return outbox == bookings && distinct == bookings && sent == bookings ? 0 : 1;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The job queue's attempt times by kind, from its meter: where the end-to-end time goes.</summary>
    private sealed class JobTimes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, (long Count, double Total)> _byKind = new();

        public static JobTimes Listen()
        {
            var times = new JobTimes();
            times._listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Telemed.Jobs.Services.JobExecutor.MeterName) listener.EnableMeasurementEvents(instrument);
            };
            times._listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                var kind = "";
                foreach (var tag in tags) if (tag.Key == "kind") kind = (string)tag.Value!;
                times._byKind.AddOrUpdate(kind, (1, value), (_, sum) => (sum.Count + 1, sum.Total + value));
            });
            times._listener.Start();
            return times;
        }

        public void Print()
        {
            foreach (var (kind, (count, total)) in _byKind.OrderByDescending(k => k.Value.Total))
            {
                Console.WriteLine($"  job {kind}: {count:N0} attempts, mean {total / count:F1} ms");
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
