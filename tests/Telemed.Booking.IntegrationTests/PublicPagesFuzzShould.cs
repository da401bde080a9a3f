using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace Telemed.Booking.IntegrationTests;

/// <summary>
/// A bounded fuzz of everything a visitor can reach without signing in: the slots endpoint, the
/// picker, the details form (GET, and POST with a valid antiforgery token), the manage,
/// reschedule and confirmation pages and the calendar file. A fixed seed draws a few thousand
/// requests with hostile values (see <see cref="HostileValues"/>), parameters left out or given
/// twice; none may answer 5xx or fail to answer.
/// </summary>
public sealed class PublicPagesFuzzShould(TwoClinicsFixture fixture, ITestOutputHelper output) : IClassFixture<TwoClinicsFixture>
{
    private const int Seed = 20260308;
    private const int Requests = 4000;
    private const int InParallel = 4;

    private BookingHost Host => fixture.Host;
    private BookingClinic Clinic => fixture.Clinic;
    private BookingClinic OtherClinic => fixture.OtherClinic;

    private static readonly (string Target, string Path)[] Pages =
    [
        ("manage", "/book/manage/{0}"), ("confirmation", "/book/confirmation/{0}"), ("ics", "/book/manage/{0}/appointment.ics"), ("services", "/book"),
    ];

    private sealed record Probe(string Target, string Url, IReadOnlyList<KeyValuePair<string, string>>? Form = null);

    [Fact]
    public async Task NeverAnswerWithAServerErrorWhateverTheQuery()
    {
        var client = Host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(90);
        var arranged = await ArrangeAsync(client);
        var probes = Draw(new HostileValues(Seed), arranged).ToList();

        var statuses = new ConcurrentDictionary<int, int>();
        var byTarget = new ConcurrentDictionary<string, int[]>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = InParallel }, async (probe, cancellationToken) =>
        {
            int status;
            try
            {
                using var response = probe.Form is null
                    ? await client.GetAsync(probe.Url, cancellationToken)
                    : await client.PostAsync(probe.Url, new FormUrlEncodedContent(probe.Form), cancellationToken);
                status = (int)response.StatusCode;
                if (status >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    failures.Enqueue($"{status} {(probe.Form is null ? "GET" : "POST")} {probe.Url} {Describe(probe.Form)}\n    {body[..Math.Min(body.Length, 300)]}");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                status = 0;
                failures.Enqueue($"no answer ({exception.GetType().Name}) to {probe.Url} {Describe(probe.Form)}");
            }
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var counts = byTarget.GetOrAdd(probe.Target, _ => new int[6]);
            Interlocked.Increment(ref counts[Math.Clamp(status / 100, 0, 5)]);
        });

        output.WriteLine($"Seed {Seed}: {probes.Count} requests in {clock.Elapsed.TotalSeconds:F1} s, {InParallel} at a time.");
        output.WriteLine("Status counts: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key)}: {s.Value}")));
        foreach (var (target, counts) in byTarget.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {target,-14} 2xx {counts[2],4}  3xx {counts[3],4}  4xx {counts[4],4}  5xx {counts[5],4}  none {counts[0],4}");
        }
        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed:\n{string.Join("\n", failures.Take(15))}");
        Assert.All(byTarget, target => Assert.True(target.Value[2] + target.Value[3] > 0,
            $"{target.Key} never answered 2xx or 3xx: the fuzz should also reach the pages' working paths"));
    }

    private sealed record Arranged(string Token, string OtherToken, string Antiforgery, IReadOnlyList<string> Starts);

    /// <summary>Free times to book, a manage link of each clinic, and the antiforgery token a visitor's form carries.</summary>
    private async Task<Arranged> ArrangeAsync(TestClient client)
    {
        var starts = (await Clinic.SlotsAsync(client, Clinic.Consultation, days: 8)).Slots.Select(s => s.Start).Distinct().ToList();
        var token = await BookingForms.BookOkAsync(client, Clinic.DetailsUrl(Clinic.Consultation, "any", starts[^1]));
        var otherStart = (await OtherClinic.SlotsAsync(client, OtherClinic.Consultation)).Slots[0].Start;
        var otherToken = await BookingForms.BookOkAsync(client, OtherClinic.DetailsUrl(OtherClinic.Consultation, "any", otherStart));
        var form = await client.GetPageAsync(Clinic.DetailsUrl(Clinic.Consultation, "any", starts[0]));
        var antiforgery = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new Arranged(token, otherToken, antiforgery, starts[..^1]);
    }

    private IEnumerable<Probe> Draw(HostileValues values, Arranged arranged)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string[] services = [Clinic.Consultation.ToString(), Clinic.Consultation.ToString(), Clinic.Consultation.ToString(),
            Clinic.GroupClass.ToString(), Clinic.Strict.ToString(), OtherClinic.Consultation.ToString()];
        string[] hosts = ["any", "any", Clinic.HostOne.ToString(), Clinic.HostOne.ToString(), Clinic.HostTwo.ToString(), OtherClinic.HostOne.ToString()];
        string[] tokens = [arranged.Token, arranged.Token, arranged.Token, arranged.OtherToken];
        var pathBase = Clinic.PathBase;

        for (var i = 0; i < Requests; i++)
        {
            values.NextRequest();
            switch (values.Next(10))
            {
                case 0 or 1 or 2:
                    var from = values.Date(today);
                    yield return new Probe("slots", $"{pathBase}/booking/slots?" + Query(values,
                        ("service", () => values.Id(services)), ("host", () => values.Id(hosts)), ("from", () => from),
                        ("to", () => values.DayAfter(from, today)), ("tz", values.Zone), ("duration", values.Minutes)));
                    break;
                case 3:
                    yield return new Probe("pick", $"{pathBase}/book/{Segment(values, services)}?" + Query(values,
                        ("host", () => values.Id(hosts)), ("duration", values.Minutes), ("tz", values.Zone), ("from", () => values.Date(today)),
                        ("change", () => values.Chance(0.1) ? values.Pick(tokens) : values.Chance(0.1) ? values.Text() : null)));
                    break;
                case 4:
                    yield return new Probe("details", DetailsUrl(values, services, hosts, arranged));
                    break;
                case 5 or 6:
                    yield return new Probe("details-post", DetailsUrl(values, services, hosts, arranged), BookingForm(values, hosts, arranged));
                    break;
                case 7:
                    yield return new Probe("reschedule", $"{pathBase}/book/manage/{Token(values, tokens)}/reschedule?" + Query(values,
                        ("start", () => values.Instant(arranged.Starts)), ("tz", values.Zone)));
                    break;
                case 8:
                    yield return new Probe("reschedule-post", $"{pathBase}/book/manage/{Token(values, tokens)}/reschedule?" + Query(values,
                        ("start", () => values.Instant(arranged.Starts)), ("tz", values.Zone)), Antiforgery(values, arranged));
                    break;
                default:
                    var (target, path) = values.Pick(Pages);
                    yield return new Probe(target, pathBase + string.Format(CultureInfo.InvariantCulture, path, Token(values, tokens)) + "?"
                        + Query(values, ("tz", values.Zone), ("start", values.Text)));
                    break;
            }
        }
    }

    private string DetailsUrl(HostileValues values, string[] services, string[] hosts, Arranged arranged) =>
        $"{Clinic.PathBase}/book/{Segment(values, services)}/details?" + Query(values,
            ("host", () => values.Id(hosts)), ("start", () => values.Instant(arranged.Starts)), ("duration", values.Minutes), ("tz", values.Zone));

    /// <summary>The booking form as a browser posts it, with hostile patient details and sometimes a hostile slot.</summary>
    private static List<KeyValuePair<string, string>> BookingForm(HostileValues values, string[] hosts, Arranged arranged)
    {
        var form = Antiforgery(values, arranged);
        var patient = values.Chance(0.3);
        Add(form, values, "Input.Name", () => patient ? "Jamie Doe" : values.Text());
        Add(form, values, "Input.Email", () => patient ? "jamie@example.test" : values.Text());
        Add(form, values, "Input.Phone", () => patient ? "+44 20 7946 0001" : values.Text());
        Add(form, values, "Input.Notes", values.Text);
        if (values.Chance(0.3))
        {
            Add(form, values, "Start", () => values.Instant(arranged.Starts));
            Add(form, values, "Tz", values.Zone);
            Add(form, values, "Host", () => values.Id(hosts));
            Add(form, values, "Duration", values.Minutes);
        }
        return form;
    }

    private static List<KeyValuePair<string, string>> Antiforgery(HostileValues values, Arranged arranged) =>
        [new("__RequestVerificationToken", values.Chance(0.95) ? arranged.Antiforgery : values.Text() ?? "")];

    private static void Add(List<KeyValuePair<string, string>> form, HostileValues values, string name, Func<string?> value)
    {
        if (value() is { } text)
        {
            form.Add(new(name, text));
        }
        if (values.Chance(0.05) && value() is { } again)
        {
            form.Add(new(name, again));
        }
    }

    /// <summary>Each parameter left out, given once, or given twice (sometimes with its name in other case).</summary>
    private static string Query(HostileValues values, params (string Name, Func<string?> Value)[] parameters)
    {
        var parts = new List<string>();
        foreach (var (name, value) in parameters)
        {
            var times = values.Chance(0.06) ? 2 : 1;
            for (var i = 0; i < times; i++)
            {
                if (value() is { } text)
                {
                    var key = values.Chance(0.03) ? name.ToUpperInvariant() : name;
                    parts.Add($"{key}={Uri.EscapeDataString(text)}");
                }
            }
        }
        if (values.Chance(0.03))
        {
            parts.Add($"{Uri.EscapeDataString(values.Text() ?? "x")}={Uri.EscapeDataString(values.Text() ?? "")}");
        }
        return string.Join("&", parts);
    }

    private static string Segment(HostileValues values, string[] good) =>
        values.Id(good) is { Length: > 0 } id ? Uri.EscapeDataString(id) : good[0];

    private static string Token(HostileValues values, string[] tokens) =>
        values.Chance(0.6) ? values.Pick(tokens) : values.Text() is { Length: > 0 } text ? Uri.EscapeDataString(text) : "x";

    private static string Describe(IReadOnlyList<KeyValuePair<string, string>>? form) =>
        form is null ? "" : "form " + string.Join("&", form.Where(f => f.Key != "__RequestVerificationToken").Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
}
