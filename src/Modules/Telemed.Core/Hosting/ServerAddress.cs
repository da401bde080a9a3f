using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Telemed.Core.Hosting;

/// <summary>The address this node listens on, as another program on this machine reaches it.</summary>
public static class ServerAddress
{
    /// <summary>The first http address (else the first), with wildcard hosts turned into a reachable name; null before the server listens.</summary>
    public static Uri? Listening(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        var host = uri.Host is "0.0.0.0" ? "127.0.0.1" : uri.Host is "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri;
    }
}
