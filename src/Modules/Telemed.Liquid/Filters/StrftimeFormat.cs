using System.Collections.Concurrent;
using Telemed.Liquid.Rendering;

namespace Telemed.Liquid.Filters;

/// <summary>
/// A strftime format read once into literal runs and directives, so rendering a date only fills in
/// numbers and names. Formats written in a template are read when it is parsed; computed ones are
/// read on first use and kept.
/// </summary>
internal sealed class StrftimeFormat
{
    private const int MaxCached = 512;
    private const string Directives = "YCymdejHkIlMSLNuwUWVGgsaAbhBpPzZ";

    private static readonly ConcurrentDictionary<string, StrftimeFormat> Cache = new(StringComparer.Ordinal);

    private StrftimeFormat(Part[] parts)
    {
        Parts = parts;
        IsHtmlSafe = parts.All(part => part.Text is null || !HtmlEncoding.NeedsEncoding(part.Text));
    }

    internal Part[] Parts { get; }

    /// <summary>True when no literal text needs HTML encoding; the directives only write digits, letters, spaces and signs.</summary>
    public bool IsHtmlSafe { get; }

    public static StrftimeFormat Get(string format)
    {
        if (Cache.TryGetValue(format, out var parsed))
        {
            return parsed;
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(format, Parse);
    }

    public static StrftimeFormat Parse(string format)
    {
        var parts = new List<Part>();
        AddParts(parts, format);
        return new StrftimeFormat([.. parts]);
    }

    private static void AddParts(List<Part> parts, string format)
    {
        var literalStart = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
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
                width = Math.Min((width * 10) + (format[i] - '0'), 1024);
                i++;
            }

            if (i + 1 < format.Length && format[i] == ':' && format[i + 1] == 'z')
            {
                i++;
                AddText(parts, format[literalStart..start]);
                parts.Add(new Part(null, ':', '\0', 0));
                literalStart = i + 1;
                continue;
            }

            if (i >= format.Length)
            {
                // A directive cut off by the end of the format is printed as written.
                break;
            }

            var expansion = Expand(format[i]);
            var character = Character(format[i]);
            if (expansion is null && character is null && !Directives.Contains(format[i]))
            {
                continue;
            }

            AddText(parts, format[literalStart..start]);
            if (expansion is not null)
            {
                AddParts(parts, expansion);
            }
            else if (character is not null)
            {
                AddText(parts, character);
            }
            else
            {
                parts.Add(new Part(null, format[i], flags, width));
            }

            literalStart = i + 1;
        }

        AddText(parts, format[literalStart..]);
    }

    /// <summary>Directives that stand for a fixed format or character (flags and widths do not apply to them).</summary>
    private static string? Expand(char directive) => directive switch
    {
        'c' => "%a %b %e %H:%M:%S %Y",
        'D' or 'x' => "%m/%d/%y",
        'F' => "%Y-%m-%d",
        'T' or 'X' => "%H:%M:%S",
        'R' => "%H:%M",
        'r' => "%I:%M:%S %p",
        'v' => "%e-%^b-%Y",
        _ => null,
    };

    private static string? Character(char directive) => directive switch
    {
        'n' => "\n",
        't' => "\t",
        '%' => "%",
        _ => null,
    };

    private static void AddText(List<Part> parts, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (parts.Count > 0 && parts[^1].Text is { } previous)
        {
            parts[^1] = new Part(previous + text, '\0', '\0', 0);
            return;
        }

        parts.Add(new Part(text, '\0', '\0', 0));
    }

    /// <summary>Literal text, or a directive with its flag and width.</summary>
    internal readonly record struct Part(string? Text, char Directive, char Flags, int Width);
}
