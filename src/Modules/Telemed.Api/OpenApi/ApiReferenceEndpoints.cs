using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;
using Telemed.Core.Api;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;
using Telemed.Core.Security;

namespace Telemed.Api.OpenApi;

/// <summary>
/// The clinic's OpenAPI document (<c>/api/v1/openapi.json</c>), made from the API endpoints themselves, and its reference
/// page (<c>/api/docs</c>, Scalar), both tenant-relative and anonymous: the document describes the API, it holds no secret.
/// </summary>
public static class ApiReferenceEndpoints
{
    public const string DocumentName = "v1";
    public const string DocumentPath = ApiRoutes.Prefix + "/openapi.json";
    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddClinicApiDocument(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1;
            // Only the clinic's API: the site's pages and its other JSON endpoints (the picker's slots, health) are not part of it.
            options.ShouldInclude = description =>
                ApiRoutes.IsApiPath(new PathString("/" + description.RelativePath?.TrimStart('/')));
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
        });
        return services;
    }

    public static void MapClinicApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous().WithName("ApiDocument").ExcludeFromDescription();

        endpoints.MapScalarApiReference(ReferencePath, (options, context) => options
            .WithTitle("API reference")
            // Absolute, from the clinic's configured address: Scalar resolves a relative pattern against its own page, not the clinic.
            .WithOpenApiRoutePattern(ClinicAddress(context) + DocumentPath)
            // The site's Content-Security-Policy allows inline scripts only with this response's nonce.
            .WithNonce(context.GetCspNonce())
            .DisableDefaultFonts()
            .DisableTelemetry())
            .AllowAnonymous().ExcludeFromDescription()
            // Scalar's bundle (served from the package, no CDN) is a Vue application that injects <style> elements and style
            // attributes at run time, which cannot carry the nonce. Inline styles cannot run script; scripts stay nonce-only.
            // Its one eval (a feature probe that catches its own refusal) stays refused: nothing needs 'unsafe-eval'.
            .AllowInlineStyles("Scalar's bundled reference page sets styles from script");
    }

    private static string ClinicAddress(HttpContext context) =>
        context.RequestServices.GetRequiredService<PublicUrls>().ForCurrentRequest(context.Request, context.RequestServices.GetRequiredService<TenantContext>().Required);
}
