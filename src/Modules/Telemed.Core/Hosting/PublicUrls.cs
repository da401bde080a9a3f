using Microsoft.AspNetCore.Hosting.Server;
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
        if (tenant.HostNames.Count > 0)
        {
            var platform = PlatformUri;
            return new UriBuilder(platform.Scheme, tenant.HostNames[0], platform.IsDefaultPort ? -1 : platform.Port).Uri.GetLeftPart(UriPartial.Authority);
        }
        return $"{Platform}{TenantResolutionMiddleware.PathPrefix}/{tenant.Slug}";
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
