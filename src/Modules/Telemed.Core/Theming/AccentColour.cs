using System.Globalization;
using System.Text.RegularExpressions;

namespace Telemed.Core.Theming;

/// <summary>
/// A clinic's accent colour (#rrggbb) and its contrast against white, by WCAG 2's relative-luminance formula.
/// The accent colours links, headings and the white text of primary buttons, so it must reach 4.5:1 both ways.
/// </summary>
public static partial class AccentColour
{
    /// <summary>WCAG AA for normal-size text.</summary>
    public const double MinimumContrast = 4.5;

    public static bool IsHex(string? value) => value is not null && HexPattern().IsMatch(value);

    public static double ContrastOnWhite(string hex)
    {
        var luminance = RelativeLuminance(hex);
        return 1.05 / (luminance + 0.05);
    }

    public static bool IsReadableOnWhite(string hex) => ContrastOnWhite(hex) >= MinimumContrast;

    /// <summary>The colour itself when readable, else the same hue darkened step by step until it is.</summary>
    public static string ReadableOnWhite(string hex)
    {
        var (r, g, b) = Parse(hex);
        var candidate = hex.ToLowerInvariant();
        for (var factor = 0.95; !IsReadableOnWhite(candidate) && factor > 0; factor -= 0.05)
        {
            candidate = Format((int)(r * factor), (int)(g * factor), (int)(b * factor));
        }
        return candidate;
    }

    private static double RelativeLuminance(string hex)
    {
        var (r, g, b) = Parse(hex);
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
    }

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static (int R, int G, int B) Parse(string hex)
    {
        if (!IsHex(hex))
        {
            throw new FormatException($"'{hex}' is not a colour like #0f766e.");
        }
        return (int.Parse(hex[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    private static string Format(int r, int g, int b) => $"#{r:x2}{g:x2}{b:x2}";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexPattern();
}
