namespace Telemed.Core.Hosting;

/// <summary>How the platform is reached from outside, bound from the "Platform" configuration section.</summary>
public sealed class PlatformOptions
{
    /// <summary>
    /// The platform's public address (<c>https://telemed.example.com</c>): the root of every absolute link the
    /// product writes and the host name requests must use. Defaults to the address the server listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Further host names this node answers to besides the public address and the clinics' own host names;
    /// <c>*.example.com</c> matches every subdomain. Any other Host header gets 400.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (never X-Forwarded-Host).</summary>
    public string[] TrustedProxies { get; set; } = [];

    internal static bool IsValidBaseUrl(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && uri.AbsolutePath.TrimEnd('/').Length == 0);
}
