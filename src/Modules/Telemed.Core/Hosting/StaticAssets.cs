using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Telemed.Core.Hosting;

/// <summary>
/// How static files (Bootstrap, the modules' scripts, the themes' styles) are served: compressed, and cached by browsers
/// and proxies for a year when linked with their content hash (every layout links them with asp-append-version), so a
/// returning visitor downloads nothing until the file changes.
/// </summary>
public static class StaticAssets
{
    /// <summary>
    /// Only these are compressed. Pages and API answers are not: they carry antiforgery tokens and personal data, which
    /// compression over TLS can leak to an observer who also controls part of the page (BREACH).
    /// </summary>
    public static readonly string[] CompressedTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static readonly TimeSpan VersionedMaxAge = TimeSpan.FromDays(365);
    public static readonly TimeSpan UnversionedMaxAge = TimeSpan.FromHours(1);

    public static IServiceCollection AddStaticAssetCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = CompressedTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

    public static IApplicationBuilder UseStaticAssets(this IApplicationBuilder app) =>
        app.UseResponseCompression().UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetCacheHeaders });

    /// <summary>
    /// A year, immutable, when the address's v= is the file's current hash (what asp-append-version writes); an hour
    /// otherwise, so a made-up or stale v= never pins a file in a cache.
    /// </summary>
    private static void SetCacheHeaders(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        var versioned = request.Query.TryGetValue("v", out var asked) && asked.Count == 1
            && context.Context.RequestServices.GetRequiredService<IFileVersionProvider>()
                .AddFileVersionToPath(request.PathBase, request.PathBase + request.Path)
                .EndsWith("?v=" + asked[0], StringComparison.Ordinal);
        var cacheControl = new CacheControlHeaderValue { Public = true, MaxAge = versioned ? VersionedMaxAge : UnversionedMaxAge };
        if (versioned)
        {
            cacheControl.Extensions.Add(new NameValueHeaderValue("immutable"));
        }
        context.Context.Response.Headers.CacheControl = cacheControl.ToString();
    }
}
