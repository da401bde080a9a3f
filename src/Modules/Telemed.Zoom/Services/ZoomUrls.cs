using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Telemed.Zoom.Services;

/// <summary>
/// Where Zoom is: configured URLs first, else the real zoom.us, else (no real app configured) the sandbox
/// mounted in this host at <c>/sandbox/zoom</c>, which the server reaches on its own address and browsers
/// on the address they used.
/// </summary>
public sealed class ZoomUrls(IOptions<ZoomOptions> options, IServer server)
{
    public const string SandboxPrefix = "/sandbox";

    private ZoomOptions Options => options.Value;

    public string OAuthBase => Trim(Options.OAuthBaseUrl) ?? (Options.SandboxMounted ? SandboxZoomRoot(ServerBase) : ZoomOptions.RealOAuthBaseUrl);

    public string ApiBase => Trim(Options.ApiBaseUrl)
        ?? (Trim(Options.OAuthBaseUrl) is { } oauth ? oauth + "/v2" : Options.SandboxMounted ? SandboxZoomRoot(ServerBase) + "/v2" : ZoomOptions.RealApiBaseUrl);

    /// <summary>Zoom's API host without the version (the Data Compliance API lives at its /oauth path).</summary>
    public string ApiHost => ApiBase.EndsWith("/v2", StringComparison.Ordinal) ? ApiBase[..^3] : ApiBase;

    /// <summary>The authorize page as the user's browser reaches it.</summary>
    public string AuthorizeUrl(HttpRequest request)
    {
        var root = Trim(Options.OAuthBaseUrl)
            ?? (Options.SandboxMounted ? SandboxZoomRoot(Trim(Options.PublicBaseUrl) ?? $"{request.Scheme}://{request.Host}") : ZoomOptions.RealOAuthBaseUrl);
        return root + "/oauth/authorize";
    }

    /// <summary>This host's own address as the server can call it (the mounted sandbox, its webhooks).</summary>
    public string ServerBase => Trim(Options.PublicBaseUrl) ?? ListeningAddress();

    private static string SandboxZoomRoot(string hostBase) => hostBase + SandboxPrefix + "/zoom";

    private string ListeningAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The host is not listening yet; set Zoom:PublicBaseUrl to reach the mounted sandbox.");
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return $"{uri.Scheme}://{(host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host)}:{uri.Port}";
    }

    private static string? Trim(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.TrimEnd('/');
}
