using System.Text;
using System.Text.RegularExpressions;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Filters;

/// <summary>Escaping, URL and markup filters, plus <c>raw</c>, the one way to output unencoded HTML.</summary>
internal static partial class HtmlFilters
{
    public static void Register(LiquidFilterRegistry registry) => registry
        .Add("raw", (input, _, _) => LiquidValue.SafeString(input.ToString()), 0, 0)
        .Add("escape", Escape, 0, 0)
        .Add("h", Escape, 0, 0)
        .Add("escape_once", (input, _, _) => input.IsNil ? input : LiquidValue.SafeString(EscapeOncePattern().Replace(input.ToString(), m => HtmlEncoding.Entity(m.Value[0]))), 0, 0)
        .Add("url_encode", (input, _, _) => input.IsNil ? input : UrlEncode(input.ToString()), 0, 0)
        .Add("url_decode", (input, _, _) => input.IsNil ? input : Uri.UnescapeDataString(input.ToString().Replace('+', ' ')), 0, 0)
        .Add("strip_html", (input, _, _) => TagPattern().Replace(BlockPattern().Replace(input.ToString(), string.Empty), string.Empty), 0, 0)
        .Add("newline_to_br", NewlineToBreak, 0, 0)
        .Add("base64_encode", (input, _, _) => Base64Encode(input), 0, 0)
        .Add("base64_decode", (input, _, _) => Base64Decode(input.ToString(), "base64_decode"), 0, 0)
        .Add("base64_url_safe_encode", (input, _, _) => Base64Encode(input).Replace('+', '-').Replace('/', '_'), 0, 0)
        .Add("base64_url_safe_decode", (input, _, _) => Base64Decode(FromUrlSafe(input.ToString()), "base64_url_safe_decode"), 0, 0);

    /// <summary>The result is encoded already, so it is marked safe and HTML mode does not encode it twice.</summary>
    private static LiquidValue Escape(LiquidValue input, FilterArguments args, LiquidRenderContext context) =>
        input.IsNil ? input : LiquidValue.SafeString(HtmlEncoding.Encode(input.ToString()));

    /// <summary>In HTML mode the text is encoded before the line breaks are added, so only the breaks are markup.</summary>
    private static LiquidValue NewlineToBreak(LiquidValue input, FilterArguments args, LiquidRenderContext context)
    {
        var text = context.HtmlEncode && !input.IsSafe ? HtmlEncoding.Encode(input.ToString()) : input.ToString();
        var result = NewlinePattern().Replace(text, "<br />\n");
        return context.HtmlEncode ? LiquidValue.SafeString(result) : result;
    }

    /// <summary>Ruby's <c>CGI.escape</c>: unreserved characters stay, spaces become '+', the rest is %XX of UTF-8.</summary>
    private static string UrlEncode(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '_' or '.' or '-' or '~'))
            {
                builder.Append((char)rune.Value);
            }
            else if (rune.Value == ' ')
            {
                builder.Append('+');
            }
            else
            {
                var count = rune.EncodeToUtf8(bytes);
                for (var i = 0; i < count; i++)
                {
                    builder.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return builder.ToString();
    }

    private static string Base64Encode(LiquidValue input) => Convert.ToBase64String(Encoding.UTF8.GetBytes(input.ToString()));

    private static LiquidValue Base64Decode(string text, string filter)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new LiquidRuntimeError($"invalid base64 provided to {filter}");
        }
    }

    /// <summary>Ruby's <c>urlsafe_decode64</c>: back to the standard alphabet, padding restored when it was left off.</summary>
    private static string FromUrlSafe(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        return standard.Length % 4 == 0 || standard.EndsWith('=') ? standard : standard.PadRight((standard.Length + 3) & ~3, '=');
    }

    [GeneratedRegex(@"[""><']|&(?!([a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)")]
    private static partial Regex EscapeOncePattern();

    [GeneratedRegex(@"<script.*?</script>|<!--.*?-->|<style.*?</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"<.*?>", RegexOptions.Singleline)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex NewlinePattern();
}
