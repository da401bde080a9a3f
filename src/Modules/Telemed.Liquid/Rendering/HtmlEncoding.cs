using System.Buffers;
using System.Text;

namespace Telemed.Liquid.Rendering;

/// <summary>Encodes the five characters that matter in HTML text and attributes; other characters are kept readable.</summary>
internal static class HtmlEncoding
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    public static bool NeedsEncoding(ReadOnlySpan<char> text) => text.IndexOfAny(Special) >= 0;

    public static int IndexOfSpecial(ReadOnlySpan<char> text) => text.IndexOfAny(Special);

    public static string Encode(string text)
    {
        if (!NeedsEncoding(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Encode(text, builder);
        return builder.ToString();
    }

    public static void Encode(ReadOnlySpan<char> text, StringBuilder builder)
    {
        while (true)
        {
            var index = text.IndexOfAny(Special);
            if (index < 0)
            {
                builder.Append(text);
                return;
            }

            builder.Append(text[..index]).Append(Entity(text[index]));
            text = text[(index + 1)..];
        }
    }

    public static string Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        _ => "&#39;",
    };
}
