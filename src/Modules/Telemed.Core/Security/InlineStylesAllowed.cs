using Microsoft.AspNetCore.Builder;

namespace Telemed.Core.Security;

/// <summary>
/// Endpoint metadata that lets one page's styles be inline without the CSP nonce (<c>style-src 'self' 'unsafe-inline'</c>),
/// for a bundled third-party page that sets styles from script and cannot carry a nonce. Scripts stay nonce-only. Say
/// why in <see cref="Reason"/>; a page of our own uses the nonce instead.
/// </summary>
public sealed record InlineStylesAllowed(string Reason);

public static class InlineStylesAllowedExtensions
{
    public static TBuilder AllowInlineStyles<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new InlineStylesAllowed(reason));
}
