using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Api.Services;
using Telemed.Core.Data.Postgres;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Testing;
using Telemed.Tenants.Services;

namespace Telemed.LoadTests;

/// <summary>
/// Bookings per second through the REST API (POST /api/v1/appointments with an Idempotency-Key, each for a different
/// free time) from concurrent clients over loopback, on the durable cluster, in Production mode with the per-key rate
/// limit lifted; then PostgreSQL's own pgbench (TPC-B-like) on the same cluster, so the figure can be read against what
/// the database alone manages on this machine.
/// </summary>
public static class ApiBookingRate
{
    private const int Hosts = 20;
    private const int Clients = 16;
    private const int WarmUpBookings = 200;

    public static async Task RunAsync(DurableCluster cluster, int bookings)
    {
        Console.WriteLine($"Bookings through the REST API: {bookings:N0} bookings, {Clients} concurrent clients, {Hosts} hosts (load {Load.Average()})");
        // With the job workers running, each booking's workflows, meeting planning, messages and webhooks share the two
        // cores with the requests, as in production; without them, the figure is the booking path's alone.
        await MeasureAsync(cluster, bookings, "with the job workers running the bookings' workflows", workers: null);
        await MeasureAsync(cluster, bookings, "job workers off (the request path alone)", workers: "0");
        await PgbenchAsync(cluster);
    }

    private static async Task MeasureAsync(DurableCluster cluster, int bookings, string label, string? workers)
    {
        var owner = await cluster.CreateDatabaseAsync("apibook");
        var settings = new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Api:RateLimit:PermitsPerMinute"] = "100000000",
            ["Logging:LogLevel:Default"] = "Critical",
        };
        if (workers is not null)
        {
            settings["Jobs:Workers"] = workers;
        }
        await using var host = await TestHost.StartAsync(settings, owner);
        var (clinic, service, key) = await ClinicAsync(host);
        var starts = await FreeTimesAsync(host, clinic, service, key, WarmUpBookings + bookings);

        await BookAsync(host, clinic, service, key, starts.Take(WarmUpBookings).ToList());
        var (elapsed, latencies, statuses) = await BookAsync(host, clinic, service, key, starts.Skip(WarmUpBookings).ToList());
        latencies.Sort();
        Console.WriteLine($"  {label}: {bookings:N0} bookings in {elapsed.TotalSeconds:F2} s = {bookings / elapsed.TotalSeconds:N0} bookings/s;"
            + $" p50 {Figures.Percentile(latencies, 0.50):F1} ms, p99 {Figures.Percentile(latencies, 0.99):F1} ms;"
            + $" answers: {string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {(int)g.Key}"))} (load {Load.Average()})");
    }

    /// <summary>A clinic from recipe steps: <see cref="Hosts"/> doctors open around the clock in UTC, one 30-minute video service, a key.</summary>
    private static async Task<(Tenant Clinic, Guid Service, string Key)> ClinicAsync(TestHost host)
    {
        var users = string.Join(",", Enumerable.Range(1, Hosts).Select(i =>
            $$"""{ "email": "dr{{i}}@load.test", "password": "Load-Pass-1", "displayName": "Dr Load {{i}}", "roles": [ "Host" ] }"""));
        var hosts = string.Join(",", Enumerable.Range(1, Hosts).Select(i => $$"""
            { "user": "dr{{i}}@load.test", "timeZone": "UTC", "services": [ "Consultation" ],
              "weekly": { "Monday": "00:00-24:00", "Tuesday": "00:00-24:00", "Wednesday": "00:00-24:00", "Thursday": "00:00-24:00",
                          "Friday": "00:00-24:00", "Saturday": "00:00-24:00", "Sunday": "00:00-24:00" } }
            """));
        var recipe = Recipe.Parse($$"""
            { "name": "api-load", "steps": [
              { "step": "users", "users": [ {{users}} ] },
              { "step": "services", "services": [ { "name": "Consultation", "durations": [ 30 ], "telemed": true, "meetingProvider": "zoom", "horizonDays": 60 } ] },
              { "step": "hosts", "hosts": [ {{hosts}} ] } ] }
            """);
        var clinic = await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest("apiload", "API load clinic", "UTC"));
        var key = await host.InTenantAsync(clinic, services =>
            services.GetRequiredService<ApiKeyStore>().CreateAsync("Load run", "live", ["read", "book"], null, null, CancellationToken.None));
        return (clinic, await ServiceIdAsync(host, clinic, key.Secret), key.Secret);
    }

    private static async Task<Guid> ServiceIdAsync(TestHost host, Tenant clinic, string key)
    {
        using var client = Client(host, key);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/c/{clinic.Slug}/api/v1/services"));
        return json.RootElement.GetProperty("data")[0].GetProperty("id").GetGuid();
    }

    /// <summary>(host, start) pairs the API offers, a week at a time from tomorrow, until there are enough.</summary>
    private static async Task<List<(Guid Host, string Start)>> FreeTimesAsync(TestHost host, Tenant clinic, Guid service, string key, int needed)
    {
        using var client = Client(host, key);
        var free = new List<(Guid, string)>();
        for (var from = DateTime.UtcNow.Date.AddDays(1); free.Count < needed; from = from.AddDays(7))
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(
                $"/c/{clinic.Slug}/api/v1/availability?service={service}&from={from:yyyy-MM-dd}&to={from.AddDays(6):yyyy-MM-dd}&tz=UTC"));
            free.AddRange(json.RootElement.GetProperty("slots").EnumerateArray()
                .Select(s => (s.GetProperty("hostId").GetGuid(), s.GetProperty("start").GetString()!)));
        }
        return free.Take(needed).ToList();
    }

    private static async Task<(TimeSpan Elapsed, List<double> LatenciesMs, List<HttpStatusCode> Statuses)> BookAsync(
        TestHost host, Tenant clinic, Guid service, string key, List<(Guid Host, string Start)> times)
    {
        var queue = new ConcurrentQueue<(Guid Host, string Start)>(times);
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = Client(host, key);
            while (queue.TryDequeue(out var time))
            {
                var body = $$"""{ "serviceId": "{{service}}", "hostId": "{{time.Host}}", "start": "{{time.Start}}", "patient": { "name": "Pat Load", "email": "pat.{{Guid.NewGuid():N}}@load.test" } }""";
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/c/{clinic.Slug}/api/v1/appointments")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.Add(response.StatusCode);
            }
        }));
        return (stopwatch.Elapsed, latencies.ToList(), statuses.ToList());
    }

    private static HttpClient Client(TestHost host, string key)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>pgbench's standard TPC-B-like run (scale 10, <see cref="Clients"/> clients, 2 threads, 20 s) on the same durable cluster.</summary>
    private static async Task PgbenchAsync(DurableCluster cluster)
    {
        const string database = "pgbench";
        await using (var connection = await cluster.OpenSuperuserAsync("postgres"))
        await using (var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database}; CREATE DATABASE {database}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var socket = new NpgsqlConnectionStringBuilder(cluster.SuperuserConnectionString("postgres")).Host!;
        string[] common = ["-h", socket, "-p", "5432", "-U", "postgres"];
        await RunAsync(PostgresTools.Find("pgbench"), [.. common, "-i", "-q", "-s", "10", database]);
        var output = await RunAsync(PostgresTools.Find("pgbench"), [.. common, "-c", Clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", "20", database]);
        var tps = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps", StringComparison.Ordinal))?.Trim() ?? output;
        var latency = output.Split('\n').FirstOrDefault(l => l.StartsWith("latency average", StringComparison.Ordinal))?.Trim() ?? "";
        Console.WriteLine($"  pgbench (TPC-B-like, scale 10, {Clients} clients, 20 s, same cluster): {tps}; {latency} (load {Load.Average()})");
    }

    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {await stderr}");
        }
        return await stdout + await stderr;
    }

}
