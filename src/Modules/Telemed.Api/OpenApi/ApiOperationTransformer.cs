using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Telemed.Api.RateLimits;
using Telemed.Core.Api;

namespace Telemed.Api.OpenApi;

/// <summary>
/// Completes each API operation from its endpoint's metadata: the bearer requirement with the scopes its policies name,
/// the key scheme's refusals (401, 403, 429 with their headers), the rate-limit headers on every answer, the
/// <c>Idempotency-Key</c> header where the endpoint takes one, and the modules' <see cref="ApiExample"/>s.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var limits = context.ApplicationServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;

        var scopes = metadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy is null ? null : ApiScopes.ScopeOfPolicy(a.Policy))
            .OfType<string>().Distinct().ToList();
        if (scopes.Count > 0)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, context.Document)] = scopes }];
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-required-scopes"] = new JsonNodeExtension(new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]));
            var needs = $"Requires an API key with the {string.Join(" and ", scopes.Select(s => $"`{s}`"))} scope{(scopes.Count > 1 ? "s" : "")}.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : operation.Description + "\n\n" + needs;
            AddRefusals(operation, scopes, limits, json);
        }
        if (metadata.OfType<ApiIdempotencyKeyMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ApiIdempotencyKeyMetadata.Header,
                In = ParameterLocation.Header,
                Description = "A unique value per intended operation (a UUID). A retry with the same key and body replays the first answer instead of acting twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
        foreach (var example in metadata.OfType<ApiExample>())
        {
            AddExample(operation, example, json);
        }
        return Task.CompletedTask;
    }

    /// <summary>What the key scheme answers before the endpoint runs, with an example each unless the module gave its own.</summary>
    private static void AddRefusals(OpenApiOperation operation, List<string> scopes, ApiRateLimitOptions limits, JsonSerializerOptions json)
    {
        operation.Responses ??= [];
        var retry = limits.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        Refusal(operation, StatusCodes.Status401Unauthorized, "No usable API key", json, Problem(401, "API key required",
            "This endpoint needs an API key: send 'Authorization: Bearer tmd_live_...' with a key the clinic's admin created."));
        Refusal(operation, StatusCodes.Status403Forbidden, "The key lacks the scope", json, Problem(403, "Scope missing",
            $"This API key lacks the '{scopes[0]}' scope this endpoint needs. The clinic's admin can create a key with it."));
        Refusal(operation, StatusCodes.Status429TooManyRequests, "The key's request budget for this window is spent", json, Problem(429, "Too many requests",
            $"This API key may make {limits.PermitsPerMinute} requests per {retry} seconds. Retry after {retry} seconds."));
        var tooMany = (OpenApiResponse)operation.Responses["429"];
        tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
        tooMany.Headers["Retry-After"] = Header("Seconds until the key may call again.", JsonSchemaType.Integer);
        foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["RateLimit-Policy"] = Header($"The key's budget: \"per-key\";q={limits.PermitsPerMinute};w={limits.WindowSeconds}", JsonSchemaType.String);
            response.Headers["RateLimit"] = Header("Where the key stands: \"per-key\";r=<requests remaining>;t=<seconds until the window renews>", JsonSchemaType.String);
        }
    }

    private static void Refusal(OpenApiOperation operation, int status, string description, JsonSerializerOptions json, ProblemDetails example)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses!.TryGetValue(key, out var found) || found is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            operation.Responses[key] = response;
        }
        response.Description = string.IsNullOrEmpty(response.Description) || response.Description is "Unauthorized" or "Forbidden" or "Too Many Requests"
            ? description : response.Description;
        var media = MediaType(response, ApiExample.ProblemJson);
        if (media.Example is null && media.Examples is not { Count: > 0 })
        {
            media.Example = JsonSerializer.SerializeToNode(example, json);
        }
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Type = status switch
        {
            401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            _ => "https://tools.ietf.org/html/rfc6585#section-4",
        },
        Title = title,
        Status = status,
        Detail = detail,
    };

    private static OpenApiHeader Header(string description, JsonSchemaType type) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };

    private static void AddExample(OpenApiOperation operation, ApiExample example, JsonSerializerOptions json)
    {
        var value = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), json);
        var contentType = example.ContentType ?? ApiExample.Json;
        OpenApiMediaType media;
        if (example.StatusCode is not { } status)
        {
            if (operation.RequestBody is not OpenApiRequestBody body)
            {
                return;
            }
            media = MediaType(body.Content ??= new Dictionary<string, OpenApiMediaType>(), contentType);
        }
        else
        {
            operation.Responses ??= [];
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var found) || found is not OpenApiResponse response)
            {
                response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) };
                operation.Responses[key] = response;
            }
            media = MediaType(response, contentType);
        }
        if (example.Name is null)
        {
            media.Example = value;
        }
        else
        {
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            media.Examples[example.Name] = new OpenApiExample { Summary = example.Name, Value = value };
        }
    }

    private static OpenApiMediaType MediaType(OpenApiResponse response, string contentType) =>
        MediaType(response.Content ??= new Dictionary<string, OpenApiMediaType>(), contentType);

    private static OpenApiMediaType MediaType(IDictionary<string, OpenApiMediaType> content, string contentType)
    {
        if (!content.TryGetValue(contentType, out var media))
        {
            media = new OpenApiMediaType();
            content[contentType] = media;
        }
        return media;
    }
}
