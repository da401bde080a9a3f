using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telemed.Core.Http;

namespace Telemed.Api.Webhooks;

/// <summary>
/// Which endpoint addresses a clinic may give: https to a public address; http and loopback only where
/// <see cref="LoopbackAllowed"/> (a development host, or <c>Webhooks:AllowLoopback</c> for tests). Checked when the form
/// is saved, before each send, and on the address each connection is made to (<see cref="OutboundAddresses"/>).
/// </summary>
public sealed class WebhookAddresses(IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    public bool LoopbackAllowed => options.Value.AllowLoopback || environment.IsDevelopment();

    /// <summary>Whether a private address may be connected to: loopback only, and only when allowed.</summary>
    public bool MayConnect(IPAddress address) => LoopbackAllowed && OutboundAddresses.IsLoopback(address);

    /// <summary>Why the address cannot be an endpoint, in words for the form; null when it can.</summary>
    public async Task<string?> ProblemWithAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return "Enter the endpoint's full address, starting with https://.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "Leave the user name and password out of the address.";
        }
        var loopbackName = uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        if (uri.Scheme == "http" && !(loopbackName && LoopbackAllowed))
        {
            return "The address must start with https://: events carry patients' details and must be encrypted on the way.";
        }
        if (loopbackName && LoopbackAllowed)
        {
            return null;
        }
        try
        {
            if (await OutboundAddresses.AnyRefusedAsync(uri.Host, MayConnect, cancellationToken))
            {
                return $"{uri.Host} is a private, loopback or link-local address. Webhooks are only sent to public addresses.";
            }
        }
        catch (SocketException)
        {
            return $"{uri.Host} could not be found. Check the address.";
        }
        return null;
    }
}
