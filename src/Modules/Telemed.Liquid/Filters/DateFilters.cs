using System.Globalization;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Filters;

/// <summary>
/// <c>date: format[, zone]</c> formats with strftime; <c>local_time: zone</c> moves an instant into an
/// IANA zone. "now"/"today", unix timestamps and offset-less strings are read in the render's zone;
/// dates carrying an offset keep it unless a zone is given.
/// </summary>
internal static class DateFilters
{
    /// <summary>The built-in <c>date</c> filter; when it ends an output it writes straight into it.</summary>
    internal static readonly LiquidFilter Date = FormatDate;

    public static void Register(LiquidFilterRegistry registry) => registry
        .Add("date", Date, 1, 2)
        .Add("local_time", LocalTime, 0, 1);

    private static LiquidValue FormatDate(LiquidValue input, FilterArguments args, LiquidRenderContext context) =>
        TryPrepare(input, args, literalFormat: null, context, out var date, out var zone, out var format) ? Strftime.Format(date, zone, format) : input;

    /// <summary>
    /// Formats into the output without building a string; false when the input is not a date.
    /// <paramref name="literalFormat"/> is the format read at parse time when the template spells it out.
    /// </summary>
    internal static bool WriteDate(LiquidValue input, FilterArguments args, StrftimeFormat? literalFormat, LiquidRenderContext context)
    {
        if (!TryPrepare(input, args, literalFormat, context, out var date, out var zone, out var format))
        {
            return false;
        }

        var output = context.Output;
        var encode = output.HtmlEncode && !format.IsHtmlSafe;
        var writer = new CharWriter(encode ? stackalloc char[128] : output.GetSpan(64));
        try
        {
            Strftime.Append(ref writer, date, zone, format);
            if (encode || writer.MovedToRentedBuffer)
            {
                output.WriteText(writer.Written, encode);
            }
            else
            {
                output.Advance(writer.Length);
            }
        }
        finally
        {
            writer.Dispose();
        }

        return true;
    }

    private static bool TryPrepare(
        LiquidValue input,
        FilterArguments args,
        StrftimeFormat? literalFormat,
        LiquidRenderContext context,
        out DateTimeOffset date,
        out TimeZoneInfo? zone,
        out StrftimeFormat format)
    {
        format = literalFormat ?? (args[0] is { IsNil: false } text && text.ToString() is { Length: > 0 } pattern ? StrftimeFormat.Get(pattern) : null)!;
        if (format is null || !TryReadDate(input, context, out date, out zone))
        {
            date = default;
            zone = null;
            return false;
        }

        if (args.Count > 1 && !args[1].IsNil)
        {
            date = TimeZoneCache.Convert(date, args[1].ToString(), out zone);
        }

        return true;
    }

    private static LiquidValue LocalTime(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        if (!TryReadDate(input, context, out var date, out _))
        {
            return input;
        }

        if (args.Count > 0 && !args[0].IsNil)
        {
            date = TimeZoneCache.Convert(date, args[0].ToString(), out var zone);
            return LiquidValue.Create(date, zone);
        }

        return LiquidValue.Create(TimeZoneInfo.ConvertTime(date, context.DefaultTimeZone), context.DefaultTimeZone);
    }

    /// <summary>
    /// Ruby Liquid's <c>to_date</c>: dates, "now"/"today", unix seconds, or a parsable string; and the
    /// zone the result is in, when one is known (a converted date, or the render's zone).
    /// </summary>
    internal static bool TryReadDate(LiquidValue input, LiquidRenderContext context, out DateTimeOffset date, out TimeZoneInfo? zone)
    {
        zone = input.Kind == LiquidValueKind.DateTime ? input.TimeZone : context.DefaultTimeZone;
        switch (input.Kind)
        {
            case LiquidValueKind.DateTime:
                date = input.AsDateTime;
                return true;
            case LiquidValueKind.Integer or LiquidValueKind.Float:
                return TryFromUnix(input.AsFloat, context, out date);
            case LiquidValueKind.String:
                return TryParse(input.AsString!.Trim(), context, out date, ref zone);
            default:
                date = default;
                return false;
        }
    }

    private static bool TryParse(string text, LiquidRenderContext context, out DateTimeOffset date, ref TimeZoneInfo? zone)
    {
        date = default;
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Equals("now", StringComparison.OrdinalIgnoreCase) || text.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            date = TimeZoneInfo.ConvertTime(context.Now, context.DefaultTimeZone);
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryFromUnix(seconds, context, out date);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            date = new DateTimeOffset(parsed, context.DefaultTimeZone.GetUtcOffset(parsed));
            return true;
        }

        // Strings with an offset keep it (Ruby's Time.parse does the same).
        zone = null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
    }

    private static bool TryFromUnix(double seconds, LiquidRenderContext context, out DateTimeOffset date)
    {
        date = default;
        if (double.IsNaN(seconds) || Math.Abs(seconds) > 253_402_300_799)
        {
            return false;
        }

        var instant = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        date = TimeZoneInfo.ConvertTime(instant, context.DefaultTimeZone);
        return true;
    }
}
