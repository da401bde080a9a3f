using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Telemed.Core.Security;

/// <summary>
/// Puts the security headers on every response: pages, static files, error pages, the tenant status pages
/// and the mounted sandbox. They are written as the response starts, so they survive the exception handler
/// clearing headers, and HTTPS is judged after any forwarded-headers processing has set the scheme.
/// Scripts and styles come from this origin only, or inline with the response's <see cref="CspNonce"/>.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";
    public const string NoReferrer = "no-referrer";

    /// <summary>Video runs in Zoom or Meet, never embedded: nothing here may use the camera, microphone or location.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), display-capture=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = CspNonce.Create();
        context.Features.Set(nonce);
        context.Response.OnStarting(() =>
        {
            Apply(context, nonce.Value);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <remarks>
    /// Fonts may also be data: URLs: the staff calendar's FullCalendar carries its arrow icons as a font inlined in the
    /// stylesheet it injects (under the nonce), and Chromium loads it as soon as the rule is added. A font cannot run
    /// code or send anything anywhere. img-src allows any https: image because a clinic's logo is an https address of
    /// its own choosing (settings refuse anything else). Images cannot run script; scripts, styles and connections
    /// stay on this origin.
    /// </remarks>
    /// <param name="inlineStyles">
    /// Styles may be inline without the nonce, for the one page that asks with <see cref="InlineStylesAllowed"/>. A nonce in
    /// style-src would make the browser ignore 'unsafe-inline', so it is left out there. Scripts keep their nonce everywhere.
    /// </param>
    public static string ContentSecurityPolicy(string nonce, bool inlineStyles = false) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' {(inlineStyles ? "'unsafe-inline'" : $"'nonce-{nonce}'")}; img-src 'self' data: https:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private void Apply(HttpContext context, string nonce)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, context.GetEndpoint()?.Metadata.GetMetadata<InlineStylesAllowed>() is not null);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Referrer-Policy"] = CarriesSecret(context) ? NoReferrer : ReferrerPolicy;
        if (context.Request.IsHttps && !IsLoopback(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = "max-age=" + ((long)options.Value.HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Judged on the address the browser shows, even when an error page answers for it (a manage link that expired).</summary>
    private bool CarriesSecret(HttpContext context)
    {
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var path = new PathString(reExecuted?.OriginalPath ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (options.Value.NoReferrerPaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        var query = reExecuted is null ? context.Request.QueryString.Value : reExecuted.OriginalQueryString;
        return options.Value.NoReferrerQueryKeys.Count > 0 && !string.IsNullOrEmpty(query)
            && QueryHelpers.ParseQuery(query).Keys.Any(options.Value.NoReferrerQueryKeys.Contains);
    }

    /// <summary>HSTS on localhost would stick to every other app a developer runs there.</summary>
    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
