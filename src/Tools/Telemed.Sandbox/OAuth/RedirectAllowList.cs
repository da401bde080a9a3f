namespace Telemed.Sandbox.OAuth;

/// <summary>Which redirect URIs an emulated OAuth client accepts on its authorize endpoint.</summary>
internal static class RedirectAllowList
{
    /// <summary>
    /// A registered URI, matched exactly; or, when <paramref name="allowLoopback"/>, any http(s) URI on localhost, a name
    /// under .localhost (loopback by RFC 6761, as a clinic's demo.localhost) or a loopback address, without a fragment,
    /// so local runs on any port and clinic host name can connect without registering it.
    /// </summary>
    public static bool Allows(string redirectUri, IReadOnlyList<string> registered, bool allowLoopback)
    {
        if (registered.Contains(redirectUri, StringComparer.Ordinal))
        {
            return true;
        }

        return allowLoopback
            && Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            && string.IsNullOrEmpty(uri.Fragment);
    }
}
