using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Telemed.Api.Webhooks;

/// <summary>
/// The signature receivers check: <c>Telemed-Webhook-Signature: v1=&lt;hex HMAC-SHA256&gt;</c>, keyed with the endpoint's
/// whole secret (<c>whsec_…</c>, its UTF-8 bytes) over <c>"{Telemed-Webhook-Timestamp}.{body}"</c>.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Telemed-Webhook-Id";
    public const string TimestampHeader = "Telemed-Webhook-Timestamp";
    public const string SignatureHeader = "Telemed-Webhook-Signature";
    public const string UserAgent = "TelemedSaaS-Webhooks/1";

    public static string Sign(string secret, long timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}

/// <summary>Makes endpoint secrets and keeps them encrypted at rest with the platform's Data Protection keys.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = provider.CreateProtector("Telemed.Api.WebhookSecrets.v1");

    /// <summary><c>whsec_</c> and 43 base64url characters (256 random bits).</summary>
    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
