using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Telemed.Core.Tenancy;

namespace Telemed.Core.Hosting;

/// <summary>
/// The roots of the absolute links the product writes (reset and invitation links, manage links, calendar
/// entries, OAuth callbacks). They come from configuration, never from a request's Host header, which
/// anyone can forge: a clinic's own host name when it has one, else the platform's public address.
/// </summary>
public sealed class PublicUrls(IOptions<PlatformOptions> options, IServer server)
{
    private Uri? _platform;

    /// <summary>The platform's public address without a trailing slash (<c>https://telemed.example.com</c>).</summary>
    public string Platform => PlatformUri.GetLeftPart(UriPartial.Authority);

    private Uri PlatformUri => _platform ??= Configured() ?? ServerAddress.Listening(server)
        ?? throw new InvalidOperationException("The server is not listening yet; set Platform:PublicBaseUrl.");

    /// <summary>The root of a clinic's site: its first host name (on the platform's scheme and port), else the platform's <c>/c/{slug}</c>.</summary>
    public string ForTenant(Tenant tenant)
    {
        if (tenant.IsPlatform)
        {
            return Platform;
        }
        return tenant.HostNames.Count > 0 ? OnHost(tenant.HostNames[0]) : $"{Platform}{TenantResolutionMiddleware.PathPrefix}/{tenant.Slug}";
    }

    /// <summary>A configured host name on the platform's scheme and port.</summary>
    private string OnHost(string hostName)
    {
        var platform = PlatformUri;
        return new UriBuilder(platform.Scheme, hostName, platform.IsDefaultPort ? -1 : platform.Port).Uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>
    /// The clinic's configured address the browser is on (its prefix on the platform, or the host name it
    /// used), for redirects that must come back to the same session, such as an OAuth callback. The value
    /// is taken from configuration; the request only chooses among the clinic's own addresses.
    /// </summary>
    public string ForCurrentRequest(HttpRequest request, Tenant tenant)
    {
        if (request.PathBase.StartsWithSegments(TenantResolutionMiddleware.PathPrefix) || tenant.IsPlatform)
        {
            return tenant.IsPlatform ? Platform : $"{Platform}{TenantResolutionMiddleware.PathPrefix}/{tenant.Slug}";
        }
        var used = tenant.HostNames.FirstOrDefault(h => string.Equals(h, request.Host.Host, StringComparison.OrdinalIgnoreCase));
        return used is null ? ForTenant(tenant) : OnHost(used);
    }

    /// <summary>An absolute link to a path inside a clinic's site (<paramref name="path"/> starts with '/').</summary>
    public string ForTenant(Tenant tenant, string path) => ForTenant(tenant) + path;

    /// <summary>Whether a request's host is the platform's own or one the operator allowed (clinic host names are checked by the caller).</summary>
    public bool IsPlatformHost(string host)
    {
        if (string.Equals(host, PlatformUri.Host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var allowed in options.Value.AllowedHosts)
        {
            var pattern = allowed.Trim();
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
                : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private Uri? Configured() =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : new Uri(options.Value.PublicBaseUrl.TrimEnd('/'));
}
