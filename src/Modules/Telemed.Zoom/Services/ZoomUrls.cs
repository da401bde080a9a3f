using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Telemed.Core.Hosting;

namespace Telemed.Zoom.Services;

/// <summary>
/// Where Zoom is: configured URLs first, else the real zoom.us, else (no real app configured) the sandbox
/// mounted in this host at <c>/sandbox/zoom</c>, which the server reaches on its own address and browsers
/// on the platform's public address.
/// </summary>
public sealed class ZoomUrls(IOptions<ZoomOptions> options, IServer server, PublicUrls publicUrls)
{
    public const string SandboxPrefix = "/sandbox";

    private ZoomOptions Options => options.Value;

    /// <summary>Whether there is a Zoom to connect to: a real app or the mounted sandbox.</summary>
    public bool IsAvailable => Options.IsConfigured;

    public string OAuthBase => Trim(Options.OAuthBaseUrl) ?? (Options.SandboxMounted ? SandboxZoomRoot(ServerBase) : ZoomOptions.RealOAuthBaseUrl);

    public string ApiBase => Trim(Options.ApiBaseUrl)
        ?? (Trim(Options.OAuthBaseUrl) is { } oauth ? oauth + "/v2" : Options.SandboxMounted ? SandboxZoomRoot(ServerBase) + "/v2" : ZoomOptions.RealApiBaseUrl);

    /// <summary>Zoom's API host without the version (the Data Compliance API lives at its /oauth path).</summary>
    public string ApiHost => ApiBase.EndsWith("/v2", StringComparison.Ordinal) ? ApiBase[..^3] : ApiBase;

    /// <summary>The authorize page as the user's browser reaches it: the mounted sandbox is on the platform's public address.</summary>
    public string AuthorizeUrl =>
        (Trim(Options.OAuthBaseUrl) ?? (Options.SandboxMounted ? SandboxZoomRoot(Trim(Options.PublicBaseUrl) ?? publicUrls.Platform) : ZoomOptions.RealOAuthBaseUrl))
        + "/oauth/authorize";

    /// <summary>This host's own address as the server can call it (the mounted sandbox, its webhooks).</summary>
    public string ServerBase => Trim(Options.PublicBaseUrl)
        ?? ServerAddress.Listening(server)?.GetLeftPart(UriPartial.Authority)
        ?? throw new InvalidOperationException("The host is not listening yet; set Zoom:PublicBaseUrl to reach the mounted sandbox.");

    private static string SandboxZoomRoot(string hostBase) => hostBase + SandboxPrefix + "/zoom";

    private static string? Trim(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.TrimEnd('/');
}
