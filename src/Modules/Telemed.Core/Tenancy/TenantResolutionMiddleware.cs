using System.Net;
using Microsoft.AspNetCore.Http;
using Telemed.Core.Hosting;
using Telemed.Core.Security;

namespace Telemed.Core.Tenancy;

/// <summary>
/// Resolves the tenant of a request: its host name first, then the <c>/c/{slug}</c> prefix (which
/// becomes the request's PathBase so every module routes and links tenant-relative), otherwise
/// the platform. A suspended clinic answers 503 with a plain explanation; its data is untouched.
/// A Host header that is neither a clinic's nor the platform's gets 400, so no page is ever rendered
/// for, or links derived from, a host name an attacker chose.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string PathPrefix = "/c";

    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext, ITenantStore tenants, PublicUrls urls)
    {
        // Load balancers probe /health by address, whatever the public name is. It belongs to no tenant and must
        // not need the tenant registry, which may have to be read from the very database the probe is checking.
        if (context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var host = context.Request.Host.Host;
        var tenant = await tenants.FindByHostAsync(host, context.RequestAborted);
        var pathBase = "";

        if (tenant is null && !urls.IsPlatformHost(host))
        {
            await WriteStatusPageAsync(context, HttpStatusCode.BadRequest, "Unknown host",
                "This address is not served here. Use the clinic's own link or the platform's address.",
                "This host name is not served here. Use the clinic's own host name or the platform's address.");
            return;
        }

        if (tenant is null && context.Request.Path.StartsWithSegments(PathPrefix, out var rest) && rest.HasValue)
        {
            var afterPrefix = rest.Value!.TrimStart('/');
            var slug = afterPrefix.Split('/', 2)[0];
            tenant = await tenants.FindBySlugAsync(slug, context.RequestAborted);
            if (tenant is null || tenant.IsPlatform)
            {
                await WriteStatusPageAsync(context, HttpStatusCode.NotFound, "Clinic not found",
                    $"There is no clinic at this address ({WebUtility.HtmlEncode(slug)}). Check the link you were given, or <a href=\"/\">go to the start page</a>.",
                    $"There is no clinic '{slug}'. Check the clinic's address in the API's base URL.");
                return;
            }
            pathBase = $"{PathPrefix}/{tenant.Slug}";
            context.Request.PathBase = context.Request.PathBase.Add(pathBase);
            // The path is decoded already: a '%' left in it is the visitor's, not an escape to decode again.
            context.Request.Path = new PathString(afterPrefix[slug.Length..]);
        }

        tenant ??= await tenants.FindByIdAsync(Tenant.PlatformId, context.RequestAborted)
            ?? throw new InvalidOperationException("The platform tenant is missing; migrations have not run.");

        if (tenant.State == TenantState.Suspended)
        {
            context.Response.Headers.RetryAfter = "3600";
            await WriteStatusPageAsync(context, HttpStatusCode.ServiceUnavailable, "Temporarily unavailable",
                $"{WebUtility.HtmlEncode(tenant.Name)} is temporarily unavailable. Your appointments and records are safe; please try again later or contact the clinic by phone.",
                $"{tenant.Name} is temporarily unavailable. Its data is safe; try again later.");
            return;
        }

        tenantContext.Set(tenant, pathBase);
        await next(context);
    }

    /// <param name="message">The page's text, HTML.</param>
    /// <param name="apiDetail">The same in plain words, for a client of the clinic's API, which gets problem details instead of a page.</param>
    private static Task WriteStatusPageAsync(HttpContext context, HttpStatusCode status, string title, string message, string apiDetail)
    {
        if (IsForApi(context.Request.Path))
        {
            return Microsoft.AspNetCore.Http.TypedResults.Problem(apiDetail, statusCode: (int)status, title: title).ExecuteAsync(context);
        }
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <style nonce="{{context.GetCspNonce()}}">body{font-family:system-ui,sans-serif;background:#f5f7fa;color:#1f2933;display:grid;place-items:center;min-height:100vh;margin:0}
            main{background:#fff;border-radius:.5rem;padding:2rem 2.5rem;max-width:32rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{font-size:1.5rem;margin-top:0}</style>
            </head><body><main><h1>{{title}}</h1><p>{{message}}</p></main></body></html>
            """);
    }

    /// <summary>Whether the request is for a clinic's API: <c>/api/v1/...</c> on a host name, or <c>/c/{slug}/api/v1/...</c>.</summary>
    private static bool IsForApi(PathString path)
    {
        if (Api.ApiRoutes.IsApiPath(path))
        {
            return true;
        }
        if (!path.StartsWithSegments(PathPrefix, out var rest) || rest.Value is not { } afterPrefix)
        {
            return false;
        }
        var slash = afterPrefix.IndexOf('/', 1);
        return slash > 0 && Api.ApiRoutes.IsApiPath(new PathString(afterPrefix[slash..]));
    }
}
