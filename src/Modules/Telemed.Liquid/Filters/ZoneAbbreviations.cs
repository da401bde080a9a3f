using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace Telemed.Liquid.Filters;

/// <summary>
/// Zone abbreviations ("BST", "EDT", "IST") for <c>%Z</c>, which .NET does not expose. They are read
/// from the system's tz database (TZif files, RFC 8536): each local-time type there has an offset,
/// a daylight flag and an abbreviation; later periods and the rule for future times win.
/// </summary>
internal static class ZoneAbbreviations
{
    private static readonly ConcurrentDictionary<string, Dictionary<(int Offset, bool Daylight), string>?> Zones = new(StringComparer.Ordinal);

    /// <summary>The abbreviation in use in <paramref name="zone"/> at <paramref name="date"/>, or null when the database does not say.</summary>
    public static string? Find(TimeZoneInfo zone, DateTimeOffset date)
    {
        if (Zones.GetOrAdd(zone.Id, Load) is not { } names)
        {
            return null;
        }

        var offset = (int)date.Offset.TotalSeconds;
        var daylight = zone.IsDaylightSavingTime(date);
        return names.TryGetValue((offset, daylight), out var name) || names.TryGetValue((offset, !daylight), out name) ? name : null;
    }

    private static Dictionary<(int, bool), string>? Load(string zoneId)
    {
        try
        {
            var folder = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzDir ? tzDir : "/usr/share/zoneinfo";
            var path = Path.GetFullPath(Path.Combine(folder, zoneId));
            return path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) && File.Exists(path) ? Read(File.ReadAllBytes(path)) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    internal static Dictionary<(int, bool), string>? Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 44 || !file[..4].SequenceEqual("TZif"u8))
        {
            return null;
        }

        // Version 2 and later repeat the data with 64-bit times after the version 1 block; read that one.
        var timeSize = 4;
        var block = file;
        if (file[4] >= (byte)'2')
        {
            block = file[(44 + DataLength(file, 4))..];
            timeSize = 8;
        }

        var names = new Dictionary<(int, bool), string>();
        var (timeCount, typeCount, charCount) = (Count(block, 3), Count(block, 4), Count(block, 5));
        var types = block[(44 + (timeCount * timeSize))..];
        var infos = types[timeCount..];
        var chars = infos[(typeCount * 6)..][..charCount];

        // Every type first, then once more in transition order, so the latest use of an offset names it.
        for (var type = 0; type < typeCount; type++)
        {
            Add(names, infos, chars, type);
        }

        foreach (var type in types[..timeCount])
        {
            Add(names, infos, chars, type);
        }

        if (timeSize == 8)
        {
            AddFooterRule(names, block[(44 + DataLength(block, 8))..]);
        }

        return names;
    }

    private static int Count(ReadOnlySpan<byte> header, int index) => (int)BinaryPrimitives.ReadUInt32BigEndian(header[(20 + (index * 4))..]);

    private static int DataLength(ReadOnlySpan<byte> header, int timeSize) =>
        (Count(header, 3) * timeSize) + Count(header, 3) + (Count(header, 4) * 6) + Count(header, 5)
        + (Count(header, 2) * (timeSize + 4)) + Count(header, 1) + Count(header, 0);

    private static void Add(Dictionary<(int, bool), string> names, ReadOnlySpan<byte> infos, ReadOnlySpan<byte> chars, int type)
    {
        var info = infos[(type * 6)..];
        var offset = BinaryPrimitives.ReadInt32BigEndian(info);
        var start = info[5];
        var length = chars[start..].IndexOf((byte)0);
        names[(offset, info[4] != 0)] = Encoding.ASCII.GetString(chars.Slice(start, length < 0 ? chars.Length - start : length));
    }

    /// <summary>The footer's POSIX rule (e.g. "GMT0BST,M3.5.0/1,M10.5.0") names the zone's current standard and daylight time.</summary>
    private static void AddFooterRule(Dictionary<(int, bool), string> names, ReadOnlySpan<byte> footer)
    {
        var rule = Encoding.ASCII.GetString(footer).Trim('\n');
        var position = 0;
        if (ReadName(rule, ref position) is not { } standard || ReadOffset(rule, ref position) is not { } standardOffset)
        {
            return;
        }

        names[(standardOffset, false)] = standard;
        if (ReadName(rule, ref position) is { } daylight)
        {
            names[(ReadOffset(rule, ref position) ?? standardOffset + 3600, true)] = daylight;
        }
    }

    private static string? ReadName(string rule, ref int position)
    {
        if (position < rule.Length && rule[position] == '<')
        {
            var end = rule.IndexOf('>', position);
            if (end < 0)
            {
                return null;
            }

            var quoted = rule[(position + 1)..end];
            position = end + 1;
            return quoted;
        }

        var start = position;
        while (position < rule.Length && char.IsAsciiLetter(rule[position]))
        {
            position++;
        }

        return position - start >= 3 ? rule[start..position] : null;
    }

    /// <summary>POSIX offsets count west of Greenwich as positive, the opposite of UTC offsets.</summary>
    private static int? ReadOffset(string rule, ref int position)
    {
        var sign = -1;
        if (position < rule.Length && rule[position] is '+' or '-')
        {
            sign = rule[position] == '-' ? 1 : -1;
            position++;
        }

        var seconds = 0;
        var digits = false;
        for (var unit = 3600; unit >= 1 && position < rule.Length; unit /= 60)
        {
            var value = 0;
            var start = position;
            while (position < rule.Length && char.IsAsciiDigit(rule[position]))
            {
                value = (value * 10) + (rule[position++] - '0');
            }

            digits |= position > start;
            seconds += value * unit;
            if (position >= rule.Length || rule[position] != ':')
            {
                break;
            }

            position++;
        }

        return digits ? sign * seconds : null;
    }
}
