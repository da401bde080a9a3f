using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.GoogleMeet.Services;
using Telemed.Testing;
using Telemed.Tenants.Services;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.LoadRun;

/// <summary>
/// One clinic, <c>hosts</c> hosts connected to the sandbox through the product's OAuth code (a share of them to Google
/// Meet, the rest to Zoom), then <c>bookings</c> appointments published as events while a seeded share of every sandbox
/// call fails. Done when every meeting has settled; exact when the sandbox holds one meeting or event per booking, no
/// more, no less, at the host's provider.
/// </summary>
public sealed class FaultRun(TestHost host, int bookings, int hostCount, double ratio, double googleShare)
{
    private const string Zoom = "zoom";
    private const string Google = "google-meet";

    private readonly HttpClient _sandbox = new()
    {
        BaseAddress = new Uri(host.BaseAddress, "sandbox/_sandbox/"),
        DefaultRequestHeaders = { { "X-Sandbox-Control-Key", TestHost.SandboxControlKey } },
    };
    private readonly List<(HostSummary Host, string Provider)> _hosts = [];
    private Tenant _clinic = null!;

    public int GoogleHosts => _hosts.Count(h => h.Provider == Google);

    public async Task ArrangeAsync()
    {
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "new-clinic.recipe.json")),
            new Dictionary<string, string> { ["adminEmail"] = "admin@load.test", ["adminPassword"] = "Load-Run-Pass-1", ["adminName"] = "Load admin" });
        _clinic = await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest("load", "Load clinic", "Europe/London"));
        var googleHosts = (int)Math.Round(hostCount * googleShare);
        for (var i = 0; i < hostCount; i++)
        {
            var summary = new HostSummary(Guid.NewGuid(), Guid.NewGuid(), $"Dr Load {i + 1}", "Europe/London");
            var provider = IsGoogleHost(i, hostCount, googleHosts) ? Google : Zoom;
            await ConnectAsync(summary, provider, $"dr.load{i + 1}@sandbox.test");
            _hosts.Add((summary, provider));
        }
    }

    public async Task BookAsync()
    {
        foreach (var provider in new[] { "zoom", "google" })
        {
            using var fault = JsonContent(new { kind = "random", ratio, delay_ms = 3000, seed = 20261121 });
            (await _sandbox.PostAsync($"{provider}/faults", fault)).EnsureSuccessStatusCode();
        }

        var start = DateTimeOffset.UtcNow.Date.AddDays(2).AddHours(8);
        await host.InTenantAsync(_clinic, async services =>
        {
            var publisher = services.GetRequiredService<EventPublisher>();
            for (var i = 0; i < bookings; i++)
            {
                var (doctor, provider) = _hosts[i % _hosts.Count];
                var at = new DateTimeOffset(start.AddMinutes(30 * (i / _hosts.Count)), TimeSpan.Zero);
                var id = Guid.NewGuid();
                await publisher.PublishAsync(new AppointmentChanged(id, AppointmentChange.Booked, "confirmed", Guid.Empty, "Video consultation", true,
                    provider, 1, doctor.Id, doctor.UserId, doctor.DisplayName, doctor.TimeZone, at, at.AddMinutes(30),
                    $"Patient {i}", $"patient{i}@example.org", null, "Europe/London", null, id.ToString()), _clinic.Id);
            }
            return true;
        });
    }

    public async Task<bool> WaitUntilSettledAsync(TimeSpan timeout, Action<string> progress)
    {
        var deadline = DateTime.UtcNow + timeout;
        var lastReport = DateTime.MinValue;
        while (DateTime.UtcNow < deadline)
        {
            var (created, unsettled) = await InClinicAsync(async db => (
                await db.Meetings.CountAsync(m => m.State == MeetingRecord.Created && m.SyncedVersion >= m.DesiredVersion),
                await db.Meetings.CountAsync(m => m.SyncedVersion < m.DesiredVersion)));
            if (created == bookings)
            {
                return true;
            }

            if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(5))
            {
                progress($"{created} meetings created, {unsettled} still syncing");
                lastReport = DateTime.UtcNow;
            }

            await Task.Delay(250);
        }

        return false;
    }

    public async Task<FaultRunReport> CountAsync()
    {
        var ours = await InClinicAsync(db => db.Meetings.AsNoTracking().Select(m => new { m.ExternalId, m.Marker, m.Provider, m.Attempts }).ToListAsync());
        var atZoom = (await ControlAsync("zoom/meetings")).EnumerateArray()
            .Where(m => !m.TryGetProperty("deleted_at", out var deleted) || deleted.ValueKind == JsonValueKind.Null)
            .Select(m => (Id: m.GetProperty("id").GetInt64().ToString(), Marker: ours.FirstOrDefault(o => (m.GetProperty("agenda").GetString() ?? "").Contains(o.Marker))?.Marker))
            .ToList();
        var atGoogle = (await ControlAsync("google/events")).EnumerateArray()
            .Select(e => e.GetProperty("event"))
            .Where(e => e.GetProperty("status").GetString() != "cancelled")
            .Select(e => (Id: e.GetProperty("id").GetString()!, Marker: MarkerOf(e)))
            .ToList();
        var atProviders = atZoom.Concat(atGoogle).ToList();
        var ids = atProviders.Select(m => m.Id).ToHashSet();
        var injected = 0;
        foreach (var provider in new[] { "zoom", "google" })
        {
            injected += (await ControlAsync($"{provider}/faults")).EnumerateArray().Sum(f => f.TryGetProperty("injected", out var n) ? n.GetInt32() : 0);
        }

        return new FaultRunReport(
            Bookings: bookings,
            MeetingsAtZoom: atZoom.Count,
            EventsAtGoogle: atGoogle.Count,
            Duplicates: atProviders.Count - atProviders.Select(m => m.Marker).Distinct().Count() + atProviders.Count(m => m.Marker is null),
            Lost: ours.Count(o => o.ExternalId is not { } id || !ids.Contains(id)) + (bookings - ours.Count),
            FaultsInjected: injected,
            SandboxCallsLogged: (await ControlAsync("requests")).GetArrayLength(),
            Attempts: ours.Sum(o => o.Attempts));
    }

    /// <summary>Every <c>hostCount / googleHosts</c>-th host uses Google, so both providers are spread over the bookings.</summary>
    private static bool IsGoogleHost(int index, int hostCount, int googleHosts) =>
        googleHosts > 0 && (index * googleHosts) / hostCount != ((index + 1) * googleHosts) / hostCount;

    private static string? MarkerOf(JsonElement calendarEvent) =>
        calendarEvent.TryGetProperty("extendedProperties", out var properties) && properties.TryGetProperty("private", out var own)
            && own.TryGetProperty(GoogleMeetProvider.MarkerProperty, out var marker) ? marker.GetString() : null;

    /// <summary>The product's connect path without the page: begin (PKCE, state), consent at the sandbox, complete.</summary>
    private async Task ConnectAsync(HostSummary doctor, string provider, string account)
    {
        var redirect = new Uri(host.BaseAddress, provider == Google ? "/c/load/google/callback" : "/c/load/zoom/callback").ToString();
        var authorize = new Uri(await host.InTenantAsync(_clinic, services => services.GetRequiredService<ConnectionFlow>()
            .BeginAsync(ConnectorOf(services, provider), doctor.Id, doctor.UserId!.Value, redirect, CancellationToken.None)));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = Html.Parse(await browser.GetStringAsync(authorize));
        var form = new List<KeyValuePair<string, string>>
        {
            new("nonce", ((IHtmlInputElement)consent.QuerySelector("input[name=nonce]")!).Value),
            new(provider == Google ? "email" : "user", account),
            new("decision", "allow"),
        };
        form.AddRange(consent.QuerySelectorAll("input[name=scope]").OfType<IHtmlInputElement>().Select(s => new KeyValuePair<string, string>("scope", s.Value)));
        var answer = await browser.PostAsync(new Uri(authorize, provider == Google ? "auth" : "authorize"), new FormUrlEncodedContent(form));
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The sandbox did not redirect back: {(int)answer.StatusCode}");
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(answer.Headers.Location!.Query);
        var outcome = await host.InTenantAsync(_clinic, services => services.GetRequiredService<ConnectionFlow>()
            .CompleteAsync(ConnectorOf(services, provider), query["state"], query["code"], null, doctor.UserId!.Value, CancellationToken.None));
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Connecting {account} to {provider} failed: {outcome.Error}");
        }
    }

    private static IOAuthConnector ConnectorOf(IServiceProvider services, string provider) =>
        provider == Google ? services.GetRequiredService<GoogleConnector>() : services.GetRequiredService<ZoomConnector>();

    private async Task<JsonElement> ControlAsync(string path) => JsonDocument.Parse(await _sandbox.GetStringAsync(path)).RootElement;

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private Task<T> InClinicAsync<T>(Func<MeetingsDb, Task<T>> query) =>
        host.InTenantAsync(_clinic, services => query(services.GetRequiredService<MeetingsDb>()));
}

public sealed record FaultRunReport(int Bookings, int MeetingsAtZoom, int EventsAtGoogle, int Duplicates, int Lost, int FaultsInjected, int SandboxCallsLogged, int Attempts)
{
    public bool Exact => MeetingsAtZoom + EventsAtGoogle == Bookings && Duplicates == 0 && Lost == 0;

    public override string ToString() =>
        $"Bookings: {Bookings}; meetings at Zoom: {MeetingsAtZoom}; events at Google: {EventsAtGoogle}; duplicated: {Duplicates}; lost: {Lost}; " +
        $"faults injected: {FaultsInjected}; provider calls logged: {SandboxCallsLogged}; sync attempts: {Attempts}; {(Exact ? "EXACT" : "MISMATCH")}";
}
