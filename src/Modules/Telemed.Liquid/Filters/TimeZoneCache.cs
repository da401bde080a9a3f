using System.Collections.Concurrent;

namespace Telemed.Liquid.Filters;

/// <summary>
/// IANA zones by id, and per zone the UTC offset of each hour already seen. Converting an instant is
/// then a lookup: notifications format a handful of nearby instants in a few zones, over and over.
/// An hour whose two ends have different offsets holds a transition and is always converted exactly.
/// </summary>
internal static class TimeZoneCache
{
    private const int MaxHoursPerZone = 8_192;

    private static readonly ConcurrentDictionary<string, Zone?> Zones = new(StringComparer.Ordinal);

    // Templates usually convert to one zone, named by the same string instance, several times in a row.
    [ThreadStatic]
    private static string? s_lastId;

    [ThreadStatic]
    private static Zone? s_lastZone;

    public static TimeZoneInfo Find(string id) => FindZone(id).Info;

    public static DateTimeOffset Convert(DateTimeOffset value, string zoneId) => FindZone(zoneId).Convert(value);

    private static Zone FindZone(string id)
    {
        if (ReferenceEquals(id, s_lastId))
        {
            return s_lastZone!;
        }

        var zone = Zones.GetOrAdd(id, static key =>
        {
            try
            {
                return new Zone(TimeZoneInfo.FindSystemTimeZoneById(key));
            }
            catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return null;
            }
        });

        if (zone is null)
        {
            throw new LiquidRuntimeError($"Unknown time zone '{id}'");
        }

        s_lastZone = zone;
        s_lastId = id;
        return zone;
    }

    private sealed class Zone(TimeZoneInfo info)
    {
        private readonly ConcurrentDictionary<long, TimeSpan> _hourOffsets = new();

        public TimeZoneInfo Info { get; } = info;

        public DateTimeOffset Convert(DateTimeOffset value)
        {
            var hour = value.UtcTicks / TimeSpan.TicksPerHour;
            if (_hourOffsets.TryGetValue(hour, out var offset))
            {
                return value.ToOffset(offset);
            }

            var start = new DateTimeOffset(hour * TimeSpan.TicksPerHour, TimeSpan.Zero);
            offset = Info.GetUtcOffset(start);
            if (offset != Info.GetUtcOffset(start.AddTicks(TimeSpan.TicksPerHour - 1)))
            {
                return TimeZoneInfo.ConvertTime(value, Info);
            }

            if (_hourOffsets.Count >= MaxHoursPerZone)
            {
                _hourOffsets.Clear();
            }

            _hourOffsets[hour] = offset;
            return value.ToOffset(offset);
        }
    }
}
