using System.Globalization;

namespace Telemed.Liquid.Filters;

/// <summary>Ruby's <c>strftime</c>: directives such as <c>%d %b %Y %H:%M</c> with the flags <c>- _ 0 ^ #</c> and widths.</summary>
internal static class Strftime
{
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] ShortDayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] ShortMonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Format(DateTimeOffset date, TimeZoneInfo? zone, StrftimeFormat format)
    {
        var builder = new CharWriter(stackalloc char[128]);
        try
        {
            Append(ref builder, date, zone, format);
            return builder.ToString();
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>Formats <paramref name="date"/>; <paramref name="zone"/>, when known, names it for <c>%Z</c>.</summary>
    public static void Append(ref CharWriter builder, DateTimeOffset date, TimeZoneInfo? zone, StrftimeFormat format)
    {
        var parts = new DateParts(date);
        foreach (var part in format.Parts)
        {
            if (part.Text is { } text)
            {
                builder.Append(text);
            }
            else
            {
                AppendDirective(ref builder, date, zone, parts, part.Directive, part.Flags, part.Width);
            }
        }
    }

    private static void AppendDirective(ref CharWriter builder, DateTimeOffset date, TimeZoneInfo? zone, in DateParts parts, char directive, char flags, int width)
    {
        var hour12 = parts.Hour % 12 == 0 ? 12 : parts.Hour % 12;
        switch (directive)
        {
            case 'Y': Number(ref builder, parts.Year, 4, '0', flags, width); break;
            case 'C': Number(ref builder, parts.Year / 100, 2, '0', flags, width); break;
            case 'y': Number(ref builder, parts.Year % 100, 2, '0', flags, width); break;
            case 'm': Number(ref builder, parts.Month, 2, '0', flags, width); break;
            case 'd': Number(ref builder, parts.Day, 2, '0', flags, width); break;
            case 'e': Number(ref builder, parts.Day, 2, ' ', flags, width); break;
            case 'j': Number(ref builder, parts.DayOfYear, 3, '0', flags, width); break;
            case 'H': Number(ref builder, parts.Hour, 2, '0', flags, width); break;
            case 'k': Number(ref builder, parts.Hour, 2, ' ', flags, width); break;
            case 'I': Number(ref builder, hour12, 2, '0', flags, width); break;
            case 'l': Number(ref builder, hour12, 2, ' ', flags, width); break;
            case 'M': Number(ref builder, parts.Minute, 2, '0', flags, width); break;
            case 'S': Number(ref builder, parts.Second, 2, '0', flags, width); break;
            case 'L': Number(ref builder, parts.Millisecond, 3, '0', flags, width); break;
            case 'N': Text(ref builder, (date.Ticks % TimeSpan.TicksPerSecond * 100).ToString("000000000", CultureInfo.InvariantCulture)[..(width is > 0 and < 9 ? width : 9)], flags, 0); break;
            case 'u': Number(ref builder, parts.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)parts.DayOfWeek, 1, '0', flags, width); break;
            case 'w': Number(ref builder, (int)parts.DayOfWeek, 1, '0', flags, width); break;
            case 'U': Number(ref builder, (parts.DayOfYear + 6 - (int)parts.DayOfWeek) / 7, 2, '0', flags, width); break;
            case 'W': Number(ref builder, (parts.DayOfYear + 6 - (((int)parts.DayOfWeek + 6) % 7)) / 7, 2, '0', flags, width); break;
            case 'V': Number(ref builder, ISOWeek.GetWeekOfYear(date.DateTime), 2, '0', flags, width); break;
            case 'G': Number(ref builder, ISOWeek.GetYear(date.DateTime), 4, '0', flags, width); break;
            case 'g': Number(ref builder, ISOWeek.GetYear(date.DateTime) % 100, 2, '0', flags, width); break;
            case 's': Number(ref builder, date.ToUnixTimeSeconds(), 1, '0', flags, width); break;
            case 'a': Text(ref builder, ShortDayNames[(int)parts.DayOfWeek], flags, width); break;
            case 'A': Text(ref builder, DayNames[(int)parts.DayOfWeek], flags, width); break;
            case 'b' or 'h': Text(ref builder, ShortMonthNames[parts.Month - 1], flags, width); break;
            case 'B': Text(ref builder, MonthNames[parts.Month - 1], flags, width); break;
            case 'p': Text(ref builder, parts.Hour < 12 ? "AM" : "PM", flags, width); break;
            case 'P': Text(ref builder, parts.Hour < 12 ? "am" : "pm", flags, width); break;
            case 'z': Text(ref builder, Offset(date, colon: false), flags, width); break;
            case 'Z': Text(ref builder, ZoneName(date, zone), flags, width); break;
            case ':': builder.Append(Offset(date, colon: true)); break;
        }
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
            Clock = clock;
        }

        public DateTime Clock { get; }

        public int Year { get; }

        public int Month { get; }

        public int Day { get; }

        public int Hour { get; }

        public int Minute { get; }

        public int Second { get; }

        public int Millisecond { get; }

        public DayOfWeek DayOfWeek { get; }

        public int DayOfYear => Clock.DayOfYear;
    }

    private static void Number(ref CharWriter builder, long value, int defaultWidth, char defaultPad, char flags, int width)
    {
        var pad = flags switch { '-' => '\0', '_' => ' ', '0' => '0', _ => defaultPad };
        var size = width > 0 ? width : defaultWidth;

        // Days, months, hours and minutes: two digits at most, written without formatting.
        if ((ulong)value < 100 && size <= 2)
        {
            if (value >= 10)
            {
                builder.Append((char)('0' + (value / 10)));
            }
            else if (pad != '\0' && size == 2)
            {
                builder.Append(pad);
            }

            builder.Append((char)('0' + (value % 10)));
            return;
        }

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

    private static void Text(ref CharWriter builder, string text, char flags, int width)
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

    /// <summary>The zone's abbreviation (BST, EDT, IST) when the date was put in a zone; otherwise UTC or the offset.</summary>
    private static string ZoneName(DateTimeOffset date, TimeZoneInfo? zone) =>
        (zone is null ? null : ZoneAbbreviations.Find(zone, date)) ?? (date.Offset == TimeSpan.Zero ? "UTC" : Offset(date, colon: false));

    private static string Offset(DateTimeOffset date, bool colon)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return colon ? $"{sign}{offset.Hours:00}:{offset.Minutes:00}" : $"{sign}{offset.Hours:00}{offset.Minutes:00}";
    }
}
