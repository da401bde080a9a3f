using System.Text.Json;

namespace Telemed.GoogleMeet.BrowserTests.Infrastructure;

/// <summary>What the sandbox's Google mounted in the host holds, read through its control endpoints.</summary>
public sealed class GoogleSandboxControl(TestHost host) : SandboxControlClient(new Uri(host.BaseAddress, "sandbox/"))
{
    /// <summary>Every event in the account's calendar, deleted ones included; each has Google's Event resource under <c>event</c>.</summary>
    public async Task<IReadOnlyList<JsonElement>> EventsAsync(string user) =>
        (await GetAsync($"google/events?user={Uri.EscapeDataString(user)}&include_deleted=true")).EnumerateArray().ToList();

    /// <summary>The account with its grants (what the user allowed, to which client).</summary>
    public Task<JsonElement> AccountAsync(string user) => GetAsync($"google/accounts/{Uri.EscapeDataString(user)}");
}
