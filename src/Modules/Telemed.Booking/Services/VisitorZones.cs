using Telemed.Core.Clinic;

namespace Telemed.Booking.Services;

/// <summary>The IANA zones a visitor may pick, and a strict reader for the one they send (see <see cref="IanaZones"/>).</summary>
public static class VisitorZones
{
    /// <summary>IANA ids for pickers, sorted.</summary>
    public static IReadOnlyList<string> All => IanaZones.All;

    /// <summary>The zone named by <paramref name="id"/>; false, with UTC, when it is not a tz database zone.</summary>
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        var found = IanaZones.TryFind(id, out var match);
        zone = match ?? TimeZoneInfo.Utc;
        return found;
    }
}
