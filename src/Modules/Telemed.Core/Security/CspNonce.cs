using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Telemed.Core.Security;

/// <summary>
/// The response's Content-Security-Policy nonce: the one way markup may carry an inline script or style
/// (<c>&lt;style nonce="@Context.GetCspNonce()"&gt;</c>). Prefer a file under the module's wwwroot.
/// </summary>
public sealed class CspNonce
{
    private CspNonce(string value) => Value = value;

    public string Value { get; }

    internal static CspNonce Create() => new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
}

public static class CspNonceExtensions
{
    /// <summary>This response's nonce, or empty when the security headers middleware is not in the pipeline.</summary>
    public static string GetCspNonce(this HttpContext context) => context.Features.Get<CspNonce>()?.Value ?? "";
}
