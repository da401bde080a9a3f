using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Telemed.Core.Tenancy;

/// <summary>
/// Gives each tenant its own cookie name, so a sign-in at one clinic is never presented to another
/// (and a clinic reached by prefix and the platform at "/" never overwrite each other's cookie).
/// </summary>
public sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Scoped(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Scoped(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Scoped(context, key), options);

    private static string Scoped(HttpContext context, string key) =>
        context.RequestServices.GetRequiredService<TenantContext>().Tenant is { } tenant ? $"{key}.{tenant.Slug}" : key;
}
