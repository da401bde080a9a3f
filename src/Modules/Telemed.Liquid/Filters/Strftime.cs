using System.Globalization;
using System.Text;

namespace Telemed.Liquid.Filters;

/// <summary>Ruby's <c>strftime</c>: directives such as <c>%d %b %Y %H:%M</c> with the flags <c>- _ 0 ^ #</c> and widths.</summary>
internal static class Strftime
{
    private static readonly DateTimeFormatInfo English = CultureInfo.InvariantCulture.DateTimeFormat;

    [ThreadStatic]
    private static StringBuilder? s_builder;

    public static string Format(DateTimeOffset date, string format)
    {
        var builder = s_builder ?? new StringBuilder(64);
        s_builder = null;
        Append(builder, date, format);
        var text = builder.ToString();
        builder.Clear();
        s_builder = builder;
        return text;
    }

    private static void Append(StringBuilder builder, DateTimeOffset date, string format)
    {
        var parts = new DateParts(date);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                builder.Append(format[i]);
                continue;
            }

            var start = i++;
            var flags = '\0';
            while (i < format.Length && format[i] is '-' or '_' or '0' or '^' or '#')
            {
                flags = format[i];
                i++;
            }

            var width = 0;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                width = (width * 10) + (format[i] - '0');
                i++;
            }

            if (i < format.Length && format[i] == ':' && i + 1 < format.Length && format[i + 1] == 'z')
            {
                i++;
                builder.Append(Offset(date, colon: true));
                continue;
            }

            if (i >= format.Length || !AppendDirective(builder, date, parts, format[i], flags, width))
            {
                builder.Append(format, start, Math.Min(i + 1, format.Length) - start);
            }
        }
    }

    private static bool AppendDirective(StringBuilder builder, DateTimeOffset date, in DateParts parts, char directive, char flags, int width)
    {
        var hour12 = parts.Hour % 12 == 0 ? 12 : parts.Hour % 12;
        switch (directive)
        {
            case 'Y': Number(builder, parts.Year, 4, '0', flags, width); break;
            case 'C': Number(builder, parts.Year / 100, 2, '0', flags, width); break;
            case 'y': Number(builder, parts.Year % 100, 2, '0', flags, width); break;
            case 'm': Number(builder, parts.Month, 2, '0', flags, width); break;
            case 'd': Number(builder, parts.Day, 2, '0', flags, width); break;
            case 'e': Number(builder, parts.Day, 2, ' ', flags, width); break;
            case 'j': Number(builder, parts.DayOfYear, 3, '0', flags, width); break;
            case 'H': Number(builder, parts.Hour, 2, '0', flags, width); break;
            case 'k': Number(builder, parts.Hour, 2, ' ', flags, width); break;
            case 'I': Number(builder, hour12, 2, '0', flags, width); break;
            case 'l': Number(builder, hour12, 2, ' ', flags, width); break;
            case 'M': Number(builder, parts.Minute, 2, '0', flags, width); break;
            case 'S': Number(builder, parts.Second, 2, '0', flags, width); break;
            case 'L': Number(builder, parts.Millisecond, 3, '0', flags, width); break;
            case 'N': Text(builder, (date.Ticks % TimeSpan.TicksPerSecond * 100).ToString("000000000", CultureInfo.InvariantCulture)[..(width is > 0 and < 9 ? width : 9)], flags, 0); break;
            case 'u': Number(builder, parts.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)parts.DayOfWeek, 1, '0', flags, width); break;
            case 'w': Number(builder, (int)parts.DayOfWeek, 1, '0', flags, width); break;
            case 'U': Number(builder, (parts.DayOfYear + 6 - (int)parts.DayOfWeek) / 7, 2, '0', flags, width); break;
            case 'W': Number(builder, (parts.DayOfYear + 6 - (((int)parts.DayOfWeek + 6) % 7)) / 7, 2, '0', flags, width); break;
            case 'V': Number(builder, ISOWeek.GetWeekOfYear(date.DateTime), 2, '0', flags, width); break;
            case 'G': Number(builder, ISOWeek.GetYear(date.DateTime), 4, '0', flags, width); break;
            case 'g': Number(builder, ISOWeek.GetYear(date.DateTime) % 100, 2, '0', flags, width); break;
            case 's': Number(builder, date.ToUnixTimeSeconds(), 1, '0', flags, width); break;
            case 'a': Text(builder, English.GetAbbreviatedDayName(parts.DayOfWeek), flags, width); break;
            case 'A': Text(builder, English.GetDayName(parts.DayOfWeek), flags, width); break;
            case 'b' or 'h': Text(builder, English.GetAbbreviatedMonthName(parts.Month), flags, width); break;
            case 'B': Text(builder, English.GetMonthName(parts.Month), flags, width); break;
            case 'p': Text(builder, parts.Hour < 12 ? "AM" : "PM", flags, width); break;
            case 'P': Text(builder, parts.Hour < 12 ? "am" : "pm", flags, width); break;
            case 'z': Text(builder, Offset(date, colon: false), flags, width); break;
            case 'Z': Text(builder, date.Offset == TimeSpan.Zero ? "UTC" : Offset(date, colon: false), flags, width); break;
            case 'c': Append(builder, date, "%a %b %e %H:%M:%S %Y"); break;
            case 'D' or 'x': Append(builder, date, "%m/%d/%y"); break;
            case 'F': Append(builder, date, "%Y-%m-%d"); break;
            case 'T' or 'X': Append(builder, date, "%H:%M:%S"); break;
            case 'R': Append(builder, date, "%H:%M"); break;
            case 'r': Append(builder, date, "%I:%M:%S %p"); break;
            case 'v': Append(builder, date, "%e-%^b-%Y"); break;
            case 'n': builder.Append('\n'); break;
            case 't': builder.Append('\t'); break;
            case '%': builder.Append('%'); break;
            default: return false;
        }

        return true;
    }

    /// <summary>The calendar fields of the local time, computed once per format instead of once per directive.</summary>
    private readonly struct DateParts
    {
        public DateParts(DateTimeOffset date)
        {
            var clock = date.DateTime;
            (Year, Month, Day) = clock;
            var timeOfDay = clock.Ticks % TimeSpan.TicksPerDay;
            Hour = (int)(timeOfDay / TimeSpan.TicksPerHour);
            Minute = (int)(timeOfDay / TimeSpan.TicksPerMinute % 60);
            Second = (int)(timeOfDay / TimeSpan.TicksPerSecond % 60);
            Millisecond = (int)(timeOfDay / TimeSpan.TicksPerMillisecond % 1000);
            DayOfWeek = clock.DayOfWeek;
            DayOfYear = clock.DayOfYear;
        }

        public int Year { get; }

        public int Month { get; }

        public int Day { get; }

        public int Hour { get; }

        public int Minute { get; }

        public int Second { get; }

        public int Millisecond { get; }

        public DayOfWeek DayOfWeek { get; }

        public int DayOfYear { get; }
    }

    private static void Number(StringBuilder builder, long value, int defaultWidth, char defaultPad, char flags, int width)
    {
        var pad = flags switch { '-' => '\0', '_' => ' ', '0' => '0', _ => defaultPad };
        var size = width > 0 ? width : defaultWidth;
        var magnitude = Math.Abs(value);
        if (value < 0)
        {
            builder.Append('-');
            size--;
        }

        var digits = 1;
        for (var rest = magnitude / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        if (pad != '\0' && digits < size)
        {
            builder.Append(pad, size - digits);
        }

        builder.Append(magnitude);
    }

    private static void Text(StringBuilder builder, string text, char flags, int width)
    {
        if (width > text.Length)
        {
            builder.Append(flags == '0' ? '0' : ' ', width - text.Length);
        }

        builder.Append(flags switch
        {
            '^' => text.ToUpperInvariant(),
            '#' => SwapCase(text),
            _ => text,
        });
    }

    private static string SwapCase(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsUpper(source[i]) ? char.ToLowerInvariant(source[i]) : char.ToUpperInvariant(source[i]);
            }
        });

    private static string Offset(DateTimeOffset date, bool colon)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return colon ? $"{sign}{offset.Hours:00}:{offset.Minutes:00}" : $"{sign}{offset.Hours:00}{offset.Minutes:00}";
    }
}
