using System.Security.Cryptography;
using System.Text;

namespace Telemed.Sandbox.Zoom.OAuth;

/// <summary>RFC 7636 checks: the verifier's shape and its match with the challenge sent to authorize.</summary>
public static class Pkce
{
    public const string S256 = "S256";
    public const string Plain = "plain";

    public static bool IsSupportedMethod(string? method) => method is S256 or Plain;

    /// <summary>base64url(SHA-256(verifier)) without padding.</summary>
    public static string ComputeS256Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool Verify(string challenge, string method, string? verifier)
    {
        if (verifier is null || verifier.Length is < 43 or > 128 || !verifier.All(IsUnreserved))
        {
            return false;
        }

        var expected = method == S256 ? ComputeS256Challenge(verifier) : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
