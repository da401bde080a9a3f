using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Telemed.Core.Hosting;

namespace Telemed.GoogleMeet.Services;

/// <summary>
/// Where Google is: configured URLs first, else Google's own, else (no real app configured) the sandbox mounted in
/// this host at <c>/sandbox/google</c>, which the server reaches on its own address and browsers on the platform's.
/// </summary>
public sealed class GoogleUrls(IOptions<GoogleOptions> options, IServer server, PublicUrls publicUrls)
{
    public const string SandboxPrefix = "/sandbox";

    private GoogleOptions Options => options.Value;

    public bool IsAvailable => Options.IsConfigured;

    public bool SandboxMounted => Options.SandboxMounted;

    /// <summary>The consent page as the user's browser reaches it.</summary>
    public string AuthorizeUrl => Trim(Options.AuthorizeUrl)
        ?? (Options.SandboxMounted ? SandboxRoot(Trim(Options.PublicBaseUrl) ?? publicUrls.Platform) + "/o/oauth2/v2/auth" : GoogleOptions.RealAuthorizeUrl);

    /// <summary>The consent page as this server reaches it (the sandbox's demo connections answer it themselves).</summary>
    public string ServerAuthorizeUrl => Trim(Options.AuthorizeUrl)
        ?? (Options.SandboxMounted ? SandboxRoot(ServerBase) + "/o/oauth2/v2/auth" : GoogleOptions.RealAuthorizeUrl);

    public string TokenUrl => OAuthBase + "/token";

    public string RevokeUrl => OAuthBase + "/revoke";

    public string UserInfoUrl => ApiBase + "/oauth2/v3/userinfo";

    public string CalendarBase => ApiBase + "/calendar/v3";

    private string OAuthBase => Trim(Options.OAuthBaseUrl) ?? (Options.SandboxMounted ? SandboxRoot(ServerBase) : GoogleOptions.RealOAuthBaseUrl);

    private string ApiBase => Trim(Options.ApiBaseUrl) ?? (Options.SandboxMounted ? SandboxRoot(ServerBase) : GoogleOptions.RealApiBaseUrl);

    /// <summary>This host's own address as the server can call it (the mounted sandbox).</summary>
    private string ServerBase => ServerAddress.Listening(server)?.GetLeftPart(UriPartial.Authority)
        ?? throw new InvalidOperationException("The host is not listening yet, so the mounted sandbox cannot be reached.");

    private static string SandboxRoot(string hostBase) => hostBase + SandboxPrefix + "/google";

    private static string? Trim(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.TrimEnd('/');
}
