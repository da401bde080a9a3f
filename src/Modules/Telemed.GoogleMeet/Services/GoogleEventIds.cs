using System.Security.Cryptography;
using System.Text;

namespace Telemed.GoogleMeet.Services;

/// <summary>
/// Event ids chosen by us, so a create retried after a lost answer meets Google's 409 instead of making a second event.
/// Google keeps a deleted event's id, so a slot whose event was deleted in the calendar moves on to its next generation.
/// Ids use base32hex (lowercase a–v and digits), as Google requires.
/// </summary>
public static class GoogleEventIds
{
    public const int MaxGenerations = 25;

    public static string For(string marker, int generation)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(marker)))[..26];
        return generation == 0 ? "tm" + digest : $"tm{digest}g{generation}";
    }

    /// <summary>The conference request of an event: repeating it never makes a second Meet; a new one is asked for only after a failure.</summary>
    public static string ConferenceRequest(string eventId, int attempt = 0) => attempt == 0 ? eventId + "-meet" : $"{eventId}-meet-{attempt}";
}
