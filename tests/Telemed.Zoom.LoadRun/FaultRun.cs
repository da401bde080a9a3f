using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Telemed.Core.Clinic;
using Telemed.Core.Events;
using Telemed.Core.Recipes;
using Telemed.Core.Tenancy;
using Telemed.Testing;
using Telemed.Tenants.Services;
using Telemed.Meetings.Connections;
using Telemed.Meetings.Data;
using Telemed.Zoom.Services;

namespace Telemed.Zoom.LoadRun;

/// <summary>
/// One clinic, <c>hosts</c> hosts connected to the sandbox through the product's OAuth code, then <c>bookings</c>
/// appointments published as events while a seeded share of every sandbox call fails. Done when every meeting has
/// settled; exact when the sandbox holds one meeting per booking, no more, no less.
/// </summary>
public sealed class FaultRun(TestHost host, int bookings, int hostCount, double ratio)
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient _sandbox = new()
    {
        BaseAddress = new Uri(host.BaseAddress, "sandbox/_sandbox/"),
        DefaultRequestHeaders = { { "X-Sandbox-Control-Key", TestHost.SandboxControlKey } },
    };
    private readonly List<HostSummary> _hosts = [];
    private Tenant _clinic = null!;

    public async Task ArrangeAsync()
    {
        var recipe = Recipe.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Recipes, "new-clinic.recipe.json")),
            new Dictionary<string, string> { ["adminEmail"] = "admin@load.test", ["adminPassword"] = "Load-Run-Pass-1", ["adminName"] = "Load admin" });
        _clinic = await host.GetRequiredService<TenantProvisioner>().ProvisionAsync(recipe, new ClinicRequest("load", "Load clinic", "Europe/London"));
        for (var i = 0; i < hostCount; i++)
        {
            var summary = new HostSummary(Guid.NewGuid(), Guid.NewGuid(), $"Dr Load {i + 1}", "Europe/London");
            await ConnectAsync(summary, $"dr.load{i + 1}@sandbox.test");
            _hosts.Add(summary);
        }
    }

    public async Task BookAsync()
    {
        (await _sandbox.PostAsJsonAsync("zoom/faults", new { kind = "random", ratio, delay_ms = 3000, seed = 20261121 }, SnakeCase)).EnsureSuccessStatusCode();
        var start = DateTimeOffset.UtcNow.Date.AddDays(2).AddHours(8);
        await host.InTenantAsync(_clinic, async services =>
        {
            var publisher = services.GetRequiredService<EventPublisher>();
            for (var i = 0; i < bookings; i++)
            {
                var doctor = _hosts[i % _hosts.Count];
                var at = new DateTimeOffset(start.AddMinutes(30 * (i / _hosts.Count)), TimeSpan.Zero);
                var id = Guid.NewGuid();
                await publisher.PublishAsync(new AppointmentChanged(id, AppointmentChange.Booked, "confirmed", Guid.Empty, "Video consultation", true,
                    "zoom", 1, doctor.Id, doctor.UserId, doctor.DisplayName, doctor.TimeZone, at, at.AddMinutes(30),
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
        var atZoom = JsonDocument.Parse(await _sandbox.GetStringAsync("zoom/meetings")).RootElement.EnumerateArray()
            .Where(m => !m.TryGetProperty("deleted_at", out var deleted) || deleted.ValueKind == JsonValueKind.Null)
            .Select(m => (Id: m.GetProperty("id").GetInt64(), Agenda: m.GetProperty("agenda").GetString() ?? ""))
            .ToList();
        var ours = await InClinicAsync(db => db.Meetings.AsNoTracking().Select(m => new { m.ExternalId, m.Marker, m.Attempts }).ToListAsync());
        var zoomIds = atZoom.Select(m => m.Id.ToString()).ToHashSet();
        var markersAtZoom = atZoom.Select(m => ours.FirstOrDefault(o => m.Agenda.Contains(o.Marker))?.Marker).ToList();
        var faults = JsonDocument.Parse(await _sandbox.GetStringAsync("zoom/faults")).RootElement;
        var injected = faults.EnumerateArray().Sum(f => f.TryGetProperty("injected", out var n) ? n.GetInt32() : 0);
        var calls = JsonDocument.Parse(await _sandbox.GetStringAsync("requests?provider=zoom")).RootElement.GetArrayLength();
        return new FaultRunReport(
            Bookings: bookings,
            MeetingsAtZoom: atZoom.Count,
            Duplicates: markersAtZoom.Count - markersAtZoom.Distinct().Count() + markersAtZoom.Count(m => m is null),
            Lost: ours.Count(o => o.ExternalId is not { } id || !zoomIds.Contains(id)) + (bookings - ours.Count),
            FaultsInjected: injected,
            SandboxCallsLogged: calls,
            Attempts: ours.Sum(o => o.Attempts));
    }

    /// <summary>The product's connect path without the page: begin (PKCE, state), consent at the sandbox, complete.</summary>
    private async Task ConnectAsync(HostSummary doctor, string zoomUser)
    {
        var redirect = new Uri(host.BaseAddress, "/c/load/zoom/callback").ToString();
        var authorize = await host.InTenantAsync(_clinic, services => services.GetRequiredService<ConnectionFlow>()
            .BeginAsync(services.GetRequiredService<ZoomConnector>(), doctor.Id, doctor.UserId!.Value, redirect, CancellationToken.None));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = Html.Parse(await browser.GetStringAsync(authorize));
        var nonce = ((IHtmlInputElement)consent.QuerySelector("input[name=nonce]")!).Value;
        var answer = await browser.PostAsync(new Uri(new Uri(authorize), "authorize"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["nonce"] = nonce, ["user"] = zoomUser, ["decision"] = "allow",
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The sandbox did not redirect back: {(int)answer.StatusCode}");
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(answer.Headers.Location!.Query);
        var outcome = await host.InTenantAsync(_clinic, services => services.GetRequiredService<ConnectionFlow>()
            .CompleteAsync(services.GetRequiredService<ZoomConnector>(), query["state"], query["code"], null, doctor.UserId!.Value, CancellationToken.None));
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Connecting {zoomUser} failed: {outcome.Error}");
        }
    }

    private Task<T> InClinicAsync<T>(Func<MeetingsDb, Task<T>> query) =>
        host.InTenantAsync(_clinic, services => query(services.GetRequiredService<MeetingsDb>()));
}

public sealed record FaultRunReport(int Bookings, int MeetingsAtZoom, int Duplicates, int Lost, int FaultsInjected, int SandboxCallsLogged, int Attempts)
{
    public bool Exact => MeetingsAtZoom == Bookings && Duplicates == 0 && Lost == 0;

    public override string ToString() =>
        $"Bookings: {Bookings}; meetings at Zoom: {MeetingsAtZoom}; duplicated: {Duplicates}; lost: {Lost}; " +
        $"faults injected: {FaultsInjected}; Zoom calls logged: {SandboxCallsLogged}; sync attempts: {Attempts}; {(Exact ? "EXACT" : "MISMATCH")}";
}
