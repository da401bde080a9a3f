using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Telemed.Core.Clinic;

/// <summary>
/// The abbreviation people read after a time ("GMT", "BST", "CEST", "+03") for instants near now, which .NET
/// does not expose. It comes from the rule at the end of the system's tz database file (RFC 8536's footer,
/// e.g. <c>GMT0BST,M3.5.0/1,M10.5.0</c>), matched on the instant's offset; where the database says nothing
/// that fits, the offset itself is written ("UTC+05:30"). (The Liquid engine, a plain library, reads the
/// whole file for historical dates in its <c>%Z</c>.)
/// </summary>
public static class ZoneAbbreviations
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(TimeSpan Offset, string Name)>> Zones = new(StringComparer.Ordinal);

    /// <summary>The abbreviation for <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static string For(TimeZoneInfo zone, DateTimeOffset instant)
    {
        var offset = zone.GetUtcOffset(instant);
        foreach (var (known, name) in Zones.GetOrAdd(zone.Id, Load))
        {
            if (known == offset)
            {
                return name;
            }
        }
        return OffsetText(offset);
    }

    /// <summary>"UTC", "UTC+1", "UTC-03:30".</summary>
    public static string OffsetText(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var absolute = offset.Duration();
        return absolute.Minutes == 0
            ? $"UTC{sign}{absolute.Hours.ToString(CultureInfo.InvariantCulture)}"
            : $"UTC{sign}{absolute:hh\\:mm}";
    }

    private static IReadOnlyList<(TimeSpan, string)> Load(string zoneId)
    {
        if (zoneId is "UTC" or "Etc/UTC" or "Etc/UCT" or "Universal" or "Zulu")
        {
            return [(TimeSpan.Zero, "UTC")];
        }
        try
        {
            var folder = Path.GetFullPath(Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzDir ? tzDir : "/usr/share/zoneinfo");
            var path = Path.GetFullPath(Path.Combine(folder, zoneId));
            return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)
                ? ReadFooter(File.ReadAllBytes(path))
                : [];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>The standard and daylight names of the POSIX rule on the file's last line (TZif version 2 and later).</summary>
    internal static IReadOnlyList<(TimeSpan, string)> ReadFooter(ReadOnlySpan<byte> file)
    {
        if (file.Length < 2 || file[^1] != (byte)'\n')
        {
            return [];
        }
        var start = file[..^1].LastIndexOf((byte)'\n');
        if (start < 0)
        {
            return [];
        }
        var rule = Encoding.ASCII.GetString(file[(start + 1)..^1]);
        var position = 0;
        if (ReadName(rule, ref position) is not { } standard || ReadOffset(rule, ref position) is not { } standardOffset)
        {
            return [];
        }
        var names = new List<(TimeSpan, string)> { (standardOffset, standard) };
        if (ReadName(rule, ref position) is { } daylight)
        {
            names.Add((ReadOffset(rule, ref position) ?? standardOffset + TimeSpan.FromHours(1), daylight));
        }
        return names;
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
        var begin = position;
        while (position < rule.Length && char.IsAsciiLetter(rule[position]))
        {
            position++;
        }
        return position - begin >= 3 ? rule[begin..position] : null;
    }

    /// <summary>POSIX offsets count west of Greenwich as positive, the opposite of UTC offsets.</summary>
    private static TimeSpan? ReadOffset(string rule, ref int position)
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
            var begin = position;
            while (position < rule.Length && char.IsAsciiDigit(rule[position]))
            {
                value = (value * 10) + (rule[position++] - '0');
            }
            digits |= position > begin;
            seconds += value * unit;
            if (position >= rule.Length || rule[position] != ':')
            {
                break;
            }
            position++;
        }
        return digits ? TimeSpan.FromSeconds(sign * seconds) : null;
    }
}
