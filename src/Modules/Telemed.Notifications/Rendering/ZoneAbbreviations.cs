using Telemed.Liquid;
using Telemed.Liquid.Values;

namespace Telemed.Notifications.Rendering;

/// <summary>A zone's abbreviation at an instant (GMT/BST, CET/CEST, EST/EDT), as Liquid's <c>%Z</c> prints it.</summary>
public static class ZoneAbbreviations
{
    private const string Source = "{{ t | date: '%Z' }}";

    public static string For(ILiquidEngine engine, TimeZoneInfo zone, DateTimeOffset instant) =>
        engine.Render(engine.Parse(Source), new LiquidObject { ["t"] = LiquidValue.Create(TimeZoneInfo.ConvertTime(instant, zone), zone) }, new LiquidRenderSettings { TimeZone = zone });
}
