using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Telemed.Api.Models;

namespace Telemed.Api.Services;

/// <summary>
/// An API key's secret: <c>tmd_live_</c> or <c>tmd_test_</c> and 43 base64url characters (256 random bits). The prefix
/// lets secret scanners and people recognise it. A SHA-256 hash suffices to store it (no slow password hash): the secret
/// is random and long, so it cannot be guessed from its hash.
/// </summary>
public sealed class ApiKeySecret
{
    public const string LivePrefix = "tmd_live_";
    public const string TestPrefix = "tmd_test_";

    private const int RandomBytes = 32;
    private const int RandomChars = 43;

    /// <summary>How many random characters the visible prefix shows: enough to tell keys apart, far too few to matter.</summary>
    private const int VisibleRandomChars = 8;

    private ApiKeySecret(string text, string mode)
    {
        Text = text;
        Mode = mode;
    }

    /// <summary>The whole secret, as the client sends it. Shown to the admin once, never stored.</summary>
    public string Text { get; }

    public string Mode { get; }

    public string VisiblePrefix => Text[..(LivePrefix.Length + VisibleRandomChars)];

    public byte[] Hash() => SHA256.HashData(Encoding.ASCII.GetBytes(Text));

    public static ApiKeySecret Create(string mode) =>
        new((mode == ApiKeyModes.Test ? TestPrefix : LivePrefix) + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes)), mode);

    /// <summary>Reads a secret as a client presents it; false when it cannot be one of ours (so no lookup is made).</summary>
    public static bool TryRead(string? text, [NotNullWhen(true)] out ApiKeySecret? secret)
    {
        secret = null;
        if (text is not { Length: 9 + RandomChars })
        {
            return false;
        }
        var mode = text.StartsWith(LivePrefix, StringComparison.Ordinal) ? ApiKeyModes.Live
            : text.StartsWith(TestPrefix, StringComparison.Ordinal) ? ApiKeyModes.Test
            : null;
        if (mode is null || text.AsSpan(LivePrefix.Length).ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }
        secret = new ApiKeySecret(text, mode);
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
