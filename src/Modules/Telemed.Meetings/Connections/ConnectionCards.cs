using Telemed.Core.Clinic;
using Telemed.Meetings.Data;
using Telemed.Meetings.Providers;

namespace Telemed.Meetings.Connections;

/// <summary>One provider a host connects, with the host's connection to it (null when never connected).</summary>
public sealed record ConnectionCard(IOAuthConnector Connector, string Name, HostConnection? Connection);

/// <summary>
/// A host's video cards as every page draws them. <see cref="ForHostId"/> is set when an admin acts for the host;
/// <see cref="ReturnUrl"/> (tenant-relative) is where connect and disconnect come back to, when not the connections page.
/// </summary>
public sealed record ConnectionCardsView(HostSummary Host, IReadOnlyList<ConnectionCard> Cards, Guid? ForHostId, string? ReturnUrl, ViewerTime Time);

/// <summary>Builds a host's cards: one per provider that hosts connect, in the registry's order.</summary>
public sealed class ConnectionCards(ConnectionFlow connections, MeetingProviderRegistry providers)
{
    public async Task<IReadOnlyList<ConnectionCard>> ForAsync(Guid hostId, CancellationToken cancellationToken)
    {
        var mine = (await connections.ListAsync(hostId, cancellationToken)).ToDictionary(c => c.Provider);
        return providers.Connectors.Select(c => new ConnectionCard(c, providers.NameOf(c.ProviderId), mine.GetValueOrDefault(c.ProviderId))).ToList();
    }
}
