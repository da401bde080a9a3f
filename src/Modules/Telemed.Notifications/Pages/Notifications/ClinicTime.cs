using Telemed.Core.Tenancy;

namespace Telemed.Notifications.Pages.Notifications;

/// <summary>Times on the notification pages: in the clinic's zone, with its abbreviation.</summary>
public static class ClinicTime
{
    public static string Format(DateTimeOffset instant, Tenant clinic, Telemed.Liquid.ILiquidEngine engine)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(clinic.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local:ddd d MMM yyyy HH:mm} {Rendering.ZoneAbbreviations.For(engine, zone, instant)}";
    }
}
