using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Http;

/// <summary>
/// Keeps requests the product makes to addresses a clinic typed (workflow HTTP requests, webhooks) to public addresses:
/// checked before sending (a clear reason for the log or the form) and again on the address the connection is actually
/// made to, so a name that resolves differently the second time (DNS rebinding) or a redirect cannot reach the node's
/// own network.
/// </summary>
public static class OutboundAddresses
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }

    /// <summary>Loopback, also when written as an IPv4-mapped IPv6 address.</summary>
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>True when the host resolves to nothing, or to any private address.</summary>
    public static Task<bool> AnyPrivateAsync(string host, CancellationToken cancellationToken) =>
        AnyRefusedAsync(host, _ => false, cancellationToken);

    /// <summary>True when the host resolves to nothing, or to any private address that <paramref name="allowPrivate"/> does not let through.</summary>
    public static async Task<bool> AnyRefusedAsync(string host, Func<IPAddress, bool> allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        return addresses.Length == 0 || addresses.Any(a => IsPrivate(a) && !allowPrivate(a));
    }

    /// <summary>The handler's connect step: resolves the host and connects only to a public address (any when allowed).</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connector(Func<bool> allowPrivate) =>
        Connector(_ => allowPrivate());

    /// <summary>The handler's connect step: resolves the host and connects only to a public address or a private one <paramref name="allowPrivate"/> lets through.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connector(Func<IPAddress, bool> allowPrivate) => async (context, cancellationToken) =>
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        var allowed = addresses.Where(a => !IsPrivate(a) || allowPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{host} resolves to no public address.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}

public static class GuardedHttpClientExtensions
{
    /// <summary>
    /// A named client whose connections reach public addresses only (and the private ones <paramref name="allowPrivate"/>
    /// lets through, for development and tests), and which never follows a redirect.
    /// </summary>
    public static IHttpClientBuilder AddGuardedHttpClient(this IServiceCollection services, string name, Func<IServiceProvider, IPAddress, bool> allowPrivate) =>
        services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
        {
            ConnectCallback = OutboundAddresses.Connector(address => allowPrivate(provider, address)),
            AllowAutoRedirect = false,
        });
}
