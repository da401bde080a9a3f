using System.Collections.Concurrent;

namespace Telemed.Liquid.Filters;

/// <summary>
/// IANA zones by id, and per zone the UTC offsets of recently seen hours. Converting an instant is
/// then a lookup: notifications format a handful of nearby instants in a few zones, over and over.
/// An hour whose two ends have different offsets holds a transition and is always converted exactly.
/// </summary>
internal static class TimeZoneCache
{
    private static readonly ConcurrentDictionary<string, Zone?> Zones = new(StringComparer.Ordinal);

    // Templates usually convert to one zone, named by the same string instance, several times in a row.
    [ThreadStatic]
    private static string? s_lastId;

    [ThreadStatic]
    private static Zone? s_lastZone;

    public static DateTimeOffset Convert(DateTimeOffset value, string zoneId, out TimeZoneInfo zone)
    {
        var found = FindZone(zoneId);
        zone = found.Info;
        return found.Convert(value);
    }

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
        private const int Slots = 256;
        private const int OffsetBias = 2048;

        // Direct-mapped by UTC hour: each slot packs the hour and its offset in minutes into one long,
        // so readers on other threads see a whole entry or none (0 = empty; the bias keeps entries non-zero).
        private readonly long[] _hourOffsets = new long[Slots];

        public TimeZoneInfo Info { get; } = info;

        public DateTimeOffset Convert(DateTimeOffset value)
        {
            var hour = value.UtcTicks / TimeSpan.TicksPerHour;
            var entry = _hourOffsets[(int)(hour & (Slots - 1))];
            if (entry != 0 && entry / (2 * OffsetBias) == hour)
            {
                return value.ToOffset(TimeSpan.FromMinutes((entry % (2 * OffsetBias)) - OffsetBias));
            }

            var start = new DateTimeOffset(hour * TimeSpan.TicksPerHour, TimeSpan.Zero);
            var offset = Info.GetUtcOffset(start);
            if (offset != Info.GetUtcOffset(start.AddTicks(TimeSpan.TicksPerHour - 1)) || offset.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                // A transition inside the hour, or an offset in seconds (old local mean times): convert exactly.
                return TimeZoneInfo.ConvertTime(value, Info);
            }

            _hourOffsets[(int)(hour & (Slots - 1))] = (hour * 2 * OffsetBias) + (long)offset.TotalMinutes + OffsetBias;
            return value.ToOffset(offset);
        }
    }
}
