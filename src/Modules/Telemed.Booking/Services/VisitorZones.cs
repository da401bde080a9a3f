namespace Telemed.Booking.Services;

/// <summary>The IANA zones a visitor may pick, and a strict reader for the one they send.</summary>
public static class VisitorZones
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Select(zone => zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id)
        .Where(id => id.Contains('/') || id == "UTC")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>IANA ids for pickers, sorted.</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            return false;
        }
        zone = found;
        return true;
    }
}
