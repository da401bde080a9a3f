using System.Diagnostics.CodeAnalysis;

namespace Telemed.Core.Clinic;

/// <summary>
/// The IANA time zones the product takes from anyone (a visitor's picker, a host's hours, a new
/// clinic) and the one strict reader for them. An id is read only when it is shaped like a tz
/// database name (letters, digits, <c>_ + -</c>, up to three parts split by <c>/</c>), so paths,
/// Windows names, control characters and very long strings are refused before the file system is
/// asked; a listed zone is returned in its listed spelling whatever the case it was sent in.
/// </summary>
public static class IanaZones
{
    /// <summary>Longer than any tz database name (the longest is about 32 characters).</summary>
    public const int MaxLength = 64;

    /// <summary>Files of the tz database folder that are not zones a person lives in.</summary>
    private static readonly HashSet<string> NotZones = new(StringComparer.OrdinalIgnoreCase) { "localtime", "posixrules", "Factory" };

    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Select(zone => zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id)
        .Where(id => id.Contains('/') || id == "UTC")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>
    /// The listed zones by id in any case. Held here because TimeZoneInfo's own lookup takes a process-wide lock, which
    /// every public booking page would otherwise queue on.
    /// </summary>
    private static readonly Lazy<Dictionary<string, TimeZoneInfo>> Listed = new(() => Ids.Value
        .Select(id => (Id: id, Zone: TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null))
        .Where(listed => listed.Zone is not null)
        .ToDictionary(listed => listed.Id, listed => listed.Zone!, StringComparer.OrdinalIgnoreCase));

    /// <summary>IANA ids for pickers, sorted.</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    /// <summary>The zone named by <paramref name="id"/>, or false when it is not a time zone of the tz database.</summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (!IsWellFormed(id))
        {
            return false;
        }
        if (Listed.Value.TryGetValue(id, out zone))
        {
            return true;
        }
        if (NotZones.Contains(id) || id.StartsWith("posix/", StringComparison.OrdinalIgnoreCase) || id.StartsWith("right/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone) && zone.HasIanaId;
    }

    private static bool IsWellFormed([NotNullWhen(true)] string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }
        var parts = 1;
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c == '/')
            {
                if (++parts > 3 || i == id.Length - 1 || id[i + 1] == '/')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '+' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
