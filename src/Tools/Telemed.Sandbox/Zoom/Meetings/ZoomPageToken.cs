using System.Globalization;
using System.Text;

namespace Telemed.Sandbox.Zoom.Meetings;

/// <summary>next_page_token of the list call: opaque to clients, here the next offset and the user it was issued to.</summary>
internal static class ZoomPageToken
{
    public static string Write(int offset, string userId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}:{userId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The offset the token stands for, or null when it is malformed or belongs to another user.</summary>
    public static int? Read(string token, string userId)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':', 2);
            return parts.Length == 2 && parts[1] == userId && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var offset) && offset >= 0
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
