using System.Globalization;
using System.Text;

namespace Telemed.Liquid.Filters;

/// <summary>Ruby's <c>strftime</c>: directives such as <c>%d %b %Y %H:%M</c> with the flags <c>- _ 0 ^ #</c> and widths.</summary>
internal static class Strftime
{
    private static readonly DateTimeFormatInfo English = CultureInfo.InvariantCulture.DateTimeFormat;

    public static string Format(DateTimeOffset date, string format)
    {
        var builder = new StringBuilder(format.Length + 16);
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

            if (i >= format.Length || !AppendDirective(builder, date, format[i], flags, width))
            {
                builder.Append(format, start, Math.Min(i + 1, format.Length) - start);
            }
        }

        return builder.ToString();
    }

    private static bool AppendDirective(StringBuilder builder, DateTimeOffset date, char directive, char flags, int width)
    {
        var hour12 = date.Hour % 12 == 0 ? 12 : date.Hour % 12;
        switch (directive)
        {
            case 'Y': Number(builder, date.Year, 4, '0', flags, width); break;
            case 'C': Number(builder, date.Year / 100, 2, '0', flags, width); break;
            case 'y': Number(builder, date.Year % 100, 2, '0', flags, width); break;
            case 'm': Number(builder, date.Month, 2, '0', flags, width); break;
            case 'd': Number(builder, date.Day, 2, '0', flags, width); break;
            case 'e': Number(builder, date.Day, 2, ' ', flags, width); break;
            case 'j': Number(builder, date.DayOfYear, 3, '0', flags, width); break;
            case 'H': Number(builder, date.Hour, 2, '0', flags, width); break;
            case 'k': Number(builder, date.Hour, 2, ' ', flags, width); break;
            case 'I': Number(builder, hour12, 2, '0', flags, width); break;
            case 'l': Number(builder, hour12, 2, ' ', flags, width); break;
            case 'M': Number(builder, date.Minute, 2, '0', flags, width); break;
            case 'S': Number(builder, date.Second, 2, '0', flags, width); break;
            case 'L': Number(builder, date.Millisecond, 3, '0', flags, width); break;
            case 'N': Text(builder, (date.Ticks % TimeSpan.TicksPerSecond * 100).ToString("000000000", CultureInfo.InvariantCulture)[..(width is > 0 and < 9 ? width : 9)], flags, 0); break;
            case 'u': Number(builder, date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek, 1, '0', flags, width); break;
            case 'w': Number(builder, (int)date.DayOfWeek, 1, '0', flags, width); break;
            case 'U': Number(builder, (date.DayOfYear + 6 - (int)date.DayOfWeek) / 7, 2, '0', flags, width); break;
            case 'W': Number(builder, (date.DayOfYear + 6 - (((int)date.DayOfWeek + 6) % 7)) / 7, 2, '0', flags, width); break;
            case 'V': Number(builder, ISOWeek.GetWeekOfYear(date.DateTime), 2, '0', flags, width); break;
            case 'G': Number(builder, ISOWeek.GetYear(date.DateTime), 4, '0', flags, width); break;
            case 'g': Number(builder, ISOWeek.GetYear(date.DateTime) % 100, 2, '0', flags, width); break;
            case 's': Number(builder, date.ToUnixTimeSeconds(), 1, '0', flags, width); break;
            case 'a': Text(builder, English.GetAbbreviatedDayName(date.DayOfWeek), flags, width); break;
            case 'A': Text(builder, English.GetDayName(date.DayOfWeek), flags, width); break;
            case 'b' or 'h': Text(builder, English.GetAbbreviatedMonthName(date.Month), flags, width); break;
            case 'B': Text(builder, English.GetMonthName(date.Month), flags, width); break;
            case 'p': Text(builder, date.Hour < 12 ? "AM" : "PM", flags, width); break;
            case 'P': Text(builder, date.Hour < 12 ? "am" : "pm", flags, width); break;
            case 'z': Text(builder, Offset(date, colon: false), flags, width); break;
            case 'Z': Text(builder, date.Offset == TimeSpan.Zero ? "UTC" : Offset(date, colon: false), flags, width); break;
            case 'c': Text(builder, Format(date, "%a %b %e %H:%M:%S %Y"), flags, width); break;
            case 'D' or 'x': Text(builder, Format(date, "%m/%d/%y"), flags, width); break;
            case 'F': Text(builder, Format(date, "%Y-%m-%d"), flags, width); break;
            case 'T' or 'X': Text(builder, Format(date, "%H:%M:%S"), flags, width); break;
            case 'R': Text(builder, Format(date, "%H:%M"), flags, width); break;
            case 'r': Text(builder, Format(date, "%I:%M:%S %p"), flags, width); break;
            case 'v': Text(builder, Format(date, "%e-%^b-%Y"), flags, width); break;
            case 'n': builder.Append('\n'); break;
            case 't': builder.Append('\t'); break;
            case '%': builder.Append('%'); break;
            default: return false;
        }

        return true;
    }

    private static void Number(StringBuilder builder, long value, int defaultWidth, char defaultPad, char flags, int width)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var pad = flags switch { '-' => '\0', '_' => ' ', '0' => '0', _ => defaultPad };
        var size = width > 0 ? width : defaultWidth;
        if (value < 0)
        {
            builder.Append('-');
            size--;
        }

        if (pad != '\0' && digits.Length < size)
        {
            builder.Append(pad, size - digits.Length);
        }

        builder.Append(digits);
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
