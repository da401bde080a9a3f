using System.Text.Json;

namespace Telemed.Zoom.IntegrationTests.Infrastructure;

/// <summary>The control and inspection endpoints of the Zoom sandbox the product under test talks to.</summary>
public sealed class SandboxControl(Uri sandboxRoot) : SandboxControlClient(sandboxRoot)
{
    /// <summary>Where the sandbox's Zoom lives (for a second process pointed at the same sandbox).</summary>
    public Uri ZoomRoot { get; } = new(sandboxRoot, "zoom");

    /// <summary>The Zoom user's meetings that are not deleted.</summary>
    public async Task<IReadOnlyList<JsonElement>> LiveMeetingsAsync(string user) =>
        (await GetAsync($"zoom/meetings?user={Uri.EscapeDataString(user)}")).EnumerateArray()
            .Where(m => !m.TryGetProperty("deleted_at", out var deleted) || deleted.ValueKind == JsonValueKind.Null)
            .ToList();

    public async Task<JsonElement> AccountAsync(string user) => await GetAsync($"zoom/accounts/{Uri.EscapeDataString(user)}");

    /// <summary>How many requests of an operation (e.g. "zoom.meetings.create") the user's tokens made.</summary>
    public async Task<int> CountRequestsAsync(string user, string operation) =>
        await CountRequestsAsync("zoom", (await AccountAsync(user)).GetProperty("id").GetString()!, operation);

    public Task<JsonElement> AddFaultAsync(object fault) => PostAsync("zoom/faults", fault);
}
