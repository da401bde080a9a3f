using Microsoft.AspNetCore.Builder;

namespace Telemed.Core.Api;

/// <summary>
/// Marks an API endpoint that takes an <c>Idempotency-Key</c> header (a create that a client may retry after a timeout):
/// the clinic's OpenAPI document lists the header on that operation.
/// </summary>
public sealed class ApiIdempotencyKeyMetadata
{
    public const string Header = "Idempotency-Key";

    public static readonly ApiIdempotencyKeyMetadata Instance = new();
}

public static class ApiIdempotencyExtensions
{
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ApiIdempotencyKeyMetadata.Instance);
}
