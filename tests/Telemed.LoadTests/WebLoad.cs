using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Telemed.Testing;

namespace Telemed.LoadTests;

/// <summary>
/// The public booking path under load: the product as its own process (Production, the demo clinic seeded, the public
/// rate limit lifted) on the durable cluster, and fixed numbers of requests from concurrent clients over loopback:
/// the free-times endpoint a visitor's picker and a clinic's website call, the service list and the time-picker page.
/// Prints requests/s, p50/p99, the answer's size and the host process's resident memory.
/// </summary>
public static partial class WebLoad
{
    private const int WarmUpRequests = 500;

    /// <summary>
    /// Requests over all the measured addresses before any is measured: a new process runs its first tens of thousands of
    /// requests on code the JIT has not yet optimised (tiered compilation), and the thread pool and GC are still sizing
    /// themselves; a node serving a clinic's visitors has long passed that. The warm-up's own rate is printed too.
    /// </summary>
    private const int WarmUpRounds = 12_000;

    public static async Task RunAsync(DurableCluster cluster, int requests)
    {
        await using var host = await ProductionHost.StartAsync(cluster, "web", new Dictionary<string, string> { ["Platform:SeedDemo"] = "true" });
        using var client = Client(host.BaseAddress, 64);
        var services = await client.GetStringAsync("/c/demo/book");
        var service = ServiceLink().Match(services).Groups[1].Value;
        var from = DateTime.UtcNow.Date.AddDays(2);
        var slots = $"/c/demo/booking/slots?service={service}&host=any&from={from:yyyy-MM-dd}&to={from.AddDays(6):yyyy-MM-dd}&tz=Europe/Berlin";
        var picker = $"/c/demo/book/{service}";
        Console.WriteLine($"Public booking path: the demo clinic in a host process (Production), {requests:N0} requests per measurement after {WarmUpRequests} to warm up;"
            + $" host memory {Rss(host.Id)} MB (load {Load.Average()})");
        await WarmUpAsync(host, [slots, "/c/demo/book", picker, "/health"]);

        await MeasureAsync(host, "slots, 7 days in Europe/Berlin, 16 connections", slots, requests, 16);
        await MeasureAsync(host, "slots, 7 days in Europe/Berlin, 1 connection", slots, requests / 4, 1);
        await MeasureAsync(host, "service list /book, 16 connections", "/c/demo/book", requests, 16);
        await MeasureAsync(host, "time picker /book/{service}, 16 connections", picker, requests, 16);
        await MeasureAsync(host, "health, 16 connections", "/health", requests, 16);
    }

    private static async Task WarmUpAsync(HostProcess host, IReadOnlyList<string> urls)
    {
        using var client = Client(host.BaseAddress, 16);
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < WarmUpRounds / 1_000; round++)
        {
            foreach (var url in urls)
            {
                await RunAsync(client, url, 1_000, 16);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  warm-up: {WarmUpRounds:N0} requests to each of {urls.Count} addresses in turn, {WarmUpRounds * urls.Count / stopwatch.Elapsed.TotalSeconds:N0} requests/s;"
            + $" host memory {Rss(host.Id)} MB (load {Load.Average()})"));
    }

    private static async Task MeasureAsync(HostProcess host, string label, string url, int requests, int connections)
    {
        using var client = Client(host.BaseAddress, connections);
        await RunAsync(client, url, WarmUpRequests, connections);
        var (elapsed, latencies, bytes, failures) = await RunAsync(client, url, requests, connections);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: {requests / elapsed.TotalSeconds:N0} requests/s, p50 {Figures.Percentile(latencies, 0.50):F2} ms, p99 {Figures.Percentile(latencies, 0.99):F2} ms,"
            + $" {bytes / 1024.0:F1} KB per answer, {failures} not 200; host memory {Rss(host.Id)} MB (load {Load.Average()})"));
    }

    private static async Task<(TimeSpan Elapsed, List<double> LatenciesMs, long Bytes, int Failures)> RunAsync(HttpClient client, string url, int requests, int connections)
    {
        var left = requests;
        var latencies = new ConcurrentBag<double>();
        long bytes = 0;
        var failures = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Exchange(ref bytes, body.Length);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return (stopwatch.Elapsed, latencies.ToList(), bytes, failures);
    }

    private static HttpClient Client(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = baseAddress,
        };

    private static string Rss(int processId) => Figures.ResidentMegabytes(processId).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/book/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex ServiceLink();
}
