using System.Text.Json;

namespace Telemed.GoogleMeet.IntegrationTests.Infrastructure;

/// <summary>The control and inspection endpoints of the sandbox's Google that the product under test talks to.</summary>
public sealed class GoogleSandbox(Uri sandboxRoot) : SandboxControlClient(sandboxRoot)
{
    /// <summary>Where the sandbox's Google lives (its consent page, token endpoint and Calendar API).</summary>
    public Uri GoogleRoot { get; } = new(sandboxRoot, "google/");

    public async Task<JsonElement> AccountAsync(string user) => await GetAsync($"google/accounts/{Uri.EscapeDataString(user)}");

    /// <summary>The account's events, deleted ones included.</summary>
    public async Task<IReadOnlyList<JsonElement>> EventsAsync(string user) =>
        (await GetAsync($"google/events?user={Uri.EscapeDataString(user)}&include_deleted=true")).EnumerateArray().ToList();

    /// <summary>The account's events that are not deleted.</summary>
    public async Task<IReadOnlyList<JsonElement>> LiveEventsAsync(string user) =>
        (await EventsAsync(user)).Where(e => EventOf(e).GetProperty("status").GetString() != "cancelled").ToList();

    /// <summary>The Calendar resource of an inspected event (the control view may wrap it with what each call sent).</summary>
    public static JsonElement EventOf(JsonElement inspected) => inspected.TryGetProperty("event", out var inner) ? inner : inspected;

    /// <summary>How many requests of an operation (e.g. "google.events.insert") the account's tokens made.</summary>
    public async Task<int> CountRequestsAsync(string user, string operation) =>
        await CountRequestsAsync("google", (await AccountAsync(user)).GetProperty("id").GetString()!, operation);

    public Task<JsonElement> AddFaultAsync(object fault) => PostAsync("google/faults", fault);

    public Task<JsonElement> SettingsAsync(string user, object settings) =>
        SendAsync(HttpMethod.Put, $"google/accounts/{Uri.EscapeDataString(user)}/settings", settings);

    /// <summary>The host deletes the event in Google Calendar themselves; Google tells nobody.</summary>
    public Task DeleteInCalendarAsync(string user, string eventId) =>
        SendAsync(HttpMethod.Delete, $"google/events/{Uri.EscapeDataString(eventId)}?user={Uri.EscapeDataString(user)}");
}
