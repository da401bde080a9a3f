using Microsoft.AspNetCore.Builder;

namespace Telemed.Core.Api;

/// <summary>
/// An example of what an API endpoint takes or answers, kept as endpoint metadata so a module documents its endpoints
/// without referencing the OpenAPI package: the API module turns these into the document's examples, serialized with
/// the same JSON options the API answers with. <see cref="StatusCode"/> is null for the request body.
/// </summary>
public sealed record ApiExample(int? StatusCode, string? ContentType, object Value, string? Name = null)
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";
}

public static class ApiExampleExtensions
{
    /// <summary>An example request body (JSON).</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object value, string? name = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiExample(null, ApiExample.Json, value, name));

    /// <summary>An example answer with this status: JSON, or problem details for a 4xx/5xx (a refusal is always a problem).</summary>
    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, int statusCode, object value, string? name = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiExample(statusCode, statusCode >= 400 ? ApiExample.ProblemJson : ApiExample.Json, value, name));
}
