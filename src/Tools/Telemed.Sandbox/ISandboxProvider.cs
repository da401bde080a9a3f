using Microsoft.AspNetCore.Routing;

namespace Telemed.Sandbox;

/// <summary>
/// One emulated provider (Zoom, Google). The sandbox mounts each provider's
/// public API under <c>{prefix}/{Name}</c> and its control endpoints under <c>{prefix}/_sandbox/{Name}</c>.
/// </summary>
public interface ISandboxProvider
{
    /// <summary>Path segment and key of the provider, e.g. "zoom".</summary>
    string Name { get; }

    /// <summary>Maps the endpoints the product talks to, as the real provider serves them, under <paramref name="basePath"/>.</summary>
    void MapProviderEndpoints(RouteGroupBuilder providerGroup, string basePath);

    /// <summary>Maps the provider's test-only control and inspection endpoints.</summary>
    void MapControlEndpoints(RouteGroupBuilder controlGroup);

    /// <summary>Turns a user id or e-mail given to a control endpoint into the account key used by faults, or null when unknown.</summary>
    string? ResolveAccountKey(string userIdOrEmail);

    /// <summary>Forgets all state and restores the seeded accounts.</summary>
    void Reset();

    /// <summary>Lowest status an injected error fault may take: 500, unless the provider also words client errors (Google's 403 rate limits).</summary>
    int MinimumErrorFaultStatus => 500;
}
