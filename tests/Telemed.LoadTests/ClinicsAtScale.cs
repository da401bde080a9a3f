using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Telemed.Testing;

namespace Telemed.LoadTests;

/// <summary>
/// Many clinics on one node: the product as its own process (Production) on the durable cluster; clinics signed up
/// through the public sign-up form, which provisions each from the new-clinic recipe; then every clinic's home page,
/// service list and sign-in page requested once. Prints the time per clinic and the node's resident memory before,
/// after provisioning and after every clinic was visited.
/// </summary>
public static partial class ClinicsAtScale
{
    private const int Clients = 4;
    private const int WarmUpClinics = 20;

    public static async Task RunAsync(DurableCluster cluster, int clinics)
    {
        await using var host = await ProductionHost.StartAsync(cluster, "clinics");
        var run = $"{Guid.NewGuid():N}"[..6];

        // A few first, so what follows measures clinics rather than the node's first requests (JIT, pools, caches).
        var warmUp = await ProvisionAsync(host, Enumerable.Range(0, WarmUpClinics).Select(i => $"w{run}-{i}").ToList());
        await VisitAsync(host, warmUp.Slugs);
        var before = Figures.ResidentMegabytes(host.Id);
        Console.WriteLine($"{clinics:N0} clinics on one node: host memory {before} MB after {WarmUpClinics} clinics to warm up (load {Load.Average()})");

        var slugs = Enumerable.Range(0, clinics).Select(i => $"c{run}-{i}").ToList();
        var provisioned = await ProvisionAsync(host, slugs);
        var afterProvisioning = Figures.ResidentMegabytes(host.Id);
        provisioned.Times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  provisioned {clinics:N0} clinics through the sign-up form ({Clients} at a time) in {provisioned.Elapsed.TotalSeconds:F1} s:"
            + $" {clinics / provisioned.Elapsed.TotalSeconds:F1} clinics/s, p50 {Figures.Percentile(provisioned.Times, 0.5):F0} ms, p99 {Figures.Percentile(provisioned.Times, 0.99):F0} ms per clinic;"
            + $" host memory {afterProvisioning} MB (+{afterProvisioning - before} MB) (load {Load.Average()})"));

        var visit = Stopwatch.StartNew();
        var pages = await VisitAsync(host, slugs);
        var afterVisits = Figures.ResidentMegabytes(host.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  visited every clinic's home page, service list and sign-in page ({pages:N0} pages) in {visit.Elapsed.TotalSeconds:F1} s;"
            + $" host memory {afterVisits} MB (+{afterVisits - before} MB over the warmed-up node for {clinics:N0} clinics) (load {Load.Average()})"));
    }

    private static async Task<(List<string> Slugs, List<double> Times, TimeSpan Elapsed)> ProvisionAsync(HostProcess host, IReadOnlyList<string> slugs)
    {
        var times = new List<double>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = host.BaseAddress,
                Timeout = TimeSpan.FromMinutes(2),
            };
            var token = AntiforgeryToken().Match(await client.GetStringAsync("/signup")).Groups[1].Value;
            int index;
            while ((index = Interlocked.Increment(ref next)) < slugs.Count)
            {
                var slug = slugs[index];
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/signup", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.ClinicName"] = $"Clinic {slug}",
                    ["Input.Slug"] = slug,
                    ["Input.TimeZone"] = "Europe/London",
                    ["Input.ClinicPhone"] = "+44 20 7946 0000",
                    ["Input.AdminName"] = "Ada Admin",
                    ["Input.AdminEmail"] = $"admin@{slug}.test",
                    ["Input.Password"] = "Clinic-Pass-1",
                }));
                if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString() != $"/c/{slug}/login")
                {
                    throw new InvalidOperationException($"Signing up {slug} answered {(int)response.StatusCode} {response.Headers.Location}: "
                        + (await response.Content.ReadAsStringAsync())[..Math.Min(2000, (int)(response.Content.Headers.ContentLength ?? 2000))]);
                }
                lock (times)
                {
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        return (slugs.ToList(), times, watch.Elapsed);
    }

    /// <summary>Requests each clinic's public pages once; every one must answer 200.</summary>
    private static async Task<int> VisitAsync(HostProcess host, IReadOnlyList<string> slugs)
    {
        var next = -1;
        var pages = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            int index;
            while ((index = Interlocked.Increment(ref next)) < slugs.Count)
            {
                foreach (var page in new[] { "/", "/book", "/login" })
                {
                    using var response = await client.GetAsync($"/c/{slugs[index]}{page}");
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"/c/{slugs[index]}{page} answered {(int)response.StatusCode}.");
                    }
                    Interlocked.Increment(ref pages);
                }
            }
        }));
        return pages;
    }


    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
