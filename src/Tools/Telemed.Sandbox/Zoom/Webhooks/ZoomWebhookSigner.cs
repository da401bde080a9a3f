using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telemed.Sandbox.Zoom.Webhooks;

/// <summary>
/// Zoom's webhook signature: <c>v0=</c> + lowercase hex HMAC-SHA256(secret token, <c>v0:{timestamp}:{raw body}</c>),
/// and the URL-validation answer hex HMAC-SHA256(secret token, plainToken). The sandbox signs with it and the
/// product verifies with it, so both sides agree byte for byte.
/// </summary>
public sealed class ZoomWebhookSigner
{
    public const string SignatureHeader = "x-zm-signature";
    public const string TimestampHeader = "x-zm-request-timestamp";

    /// <summary>How far a delivery's timestamp may be from now before it is treated as a replay.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly byte[] _key;

    public ZoomWebhookSigner(string secretToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretToken);
        _key = Encoding.UTF8.GetBytes(secretToken);
    }

    public string Sign(long timestamp, string body) => Sign(timestamp, Encoding.UTF8.GetBytes(body));

    public string Sign(long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp.ToString(CultureInfo.InvariantCulture)}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, message));
    }

    /// <summary>The <c>encryptedToken</c> an endpoint must answer to <c>endpoint.url_validation</c>.</summary>
    public string EncryptToken(string plainToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(plainToken)));

    public ZoomWebhookVerification Verify(string? timestamp, string? signature, string body, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(timestamp, signature, Encoding.UTF8.GetBytes(body), now, tolerance);

    /// <summary>Checks a delivery over its raw body bytes: authentic first, then fresh.</summary>
    public ZoomWebhookVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(timestamp, signature, body, now, out _, tolerance);

    /// <summary>
    /// Checks a delivery over its raw body bytes: authentic first, then fresh. When valid,
    /// <paramref name="verifiedSignature"/> is the signature in its one canonical spelling (<c>v0=</c> + lowercase hex
    /// of the HMAC over the timestamp as a plain number and the body), whatever case or padding the header used:
    /// the form to remember deliveries by, so a re-spelled replay is still recognised.
    /// </summary>
    public ZoomWebhookVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now,
        out string? verifiedSignature, TimeSpan? tolerance = null)
    {
        verifiedSignature = null;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return ZoomWebhookVerification.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return ZoomWebhookVerification.BadSignature;
        }

        var canonical = Sign(seconds, body);
        var expected = Encoding.ASCII.GetBytes(canonical);
        var actual = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return ZoomWebhookVerification.BadSignature;
        }

        if (seconds > MaxUnixSeconds || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? DefaultTolerance))
        {
            return ZoomWebhookVerification.StaleTimestamp;
        }

        verifiedSignature = canonical;
        return ZoomWebhookVerification.Valid;
    }
}

public enum ZoomWebhookVerification
{
    Valid,
    MissingHeaders,
    BadSignature,
    StaleTimestamp,
}
