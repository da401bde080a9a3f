using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Telemed.Api.RateLimits;
using Telemed.Core.Hosting;
using Telemed.Core.Tenancy;

namespace Telemed.Api.OpenApi;

/// <summary>
/// The document's title, introduction, bearer scheme and server. The server is the clinic's configured address (its own
/// host name, or the platform's <c>/c/{slug}</c>), never the request's Host header, which anyone can forge; on the
/// platform's own address the document is the generic one, with the clinic as a server variable.
/// </summary>
internal sealed class ApiDocumentTransformer(IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("The API document is made for a request.");
        var tenant = request.HttpContext.RequestServices.GetRequiredService<TenantContext>().Required;
        var urls = request.HttpContext.RequestServices.GetRequiredService<PublicUrls>();
        var limits = context.ApplicationServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;

        document.Info = new OpenApiInfo
        {
            Title = tenant.IsPlatform ? "TelemedSaaS clinic API" : $"{tenant.Name} API",
            Version = "v1",
            Description = ApiDocumentText.Description(limits),
        };
        document.Servers = tenant.IsPlatform
            ? [new OpenApiServer
            {
                Url = $"{urls.Platform}{TenantResolutionMiddleware.PathPrefix}/{{clinic}}",
                Description = "A clinic on the platform's address",
                Variables = new Dictionary<string, OpenApiServerVariable> { ["clinic"] = new() { Default = "demo", Description = "The clinic's address name (slug)" } },
            }]
            : [new OpenApiServer { Url = urls.ForCurrentRequest(request, tenant), Description = tenant.Name }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "tmd_live_…",
            Description = "An API key the clinic's admin created: `Authorization: Bearer tmd_live_…` (or `tmd_test_…`).",
        };
        return Task.CompletedTask;
    }
}
