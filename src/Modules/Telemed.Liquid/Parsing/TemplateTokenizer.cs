using System.Text.RegularExpressions;

namespace Telemed.Liquid.Parsing;

/// <summary>
/// Splits template text into tokens. Whitespace control (<c>{%-</c>, <c>-%}</c>, <c>{{-</c>, <c>-}}</c>)
/// is applied here by trimming the neighbouring text, <c>raw</c> blocks become plain text, and the
/// body of a <c>doc</c> block is kept unread in its tag token, so it may hold anything but another doc.
/// </summary>
internal static partial class TemplateTokenizer
{
    public static List<TemplateToken> Tokenize(string source, Func<string, int, Exception> syntaxError)
    {
        var tokens = new List<TemplateToken>();
        var position = 0;
        var trimNextText = false;

        while (position < source.Length)
        {
            var open = FindOpening(source, position);
            if (open < 0)
            {
                AddText(tokens, source, position, source.Length, trimNextText, trimEnd: false);
                break;
            }

            var isOutput = source[open + 1] == '{';
            var trimLeft = open + 2 < source.Length && source[open + 2] == '-';
            AddText(tokens, source, position, open, trimNextText, trimLeft);

            var closing = isOutput ? "}}" : "%}";
            var close = source.IndexOf(closing, open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw syntaxError(isOutput ? "'{{' was not closed with '}}'" : "'{%' was not closed with '%}'", open);
            }

            var markupStart = open + (trimLeft ? 3 : 2);
            trimNextText = close - 1 >= markupStart && source[close - 1] == '-';
            var markupEnd = trimNextText ? close - 1 : close;
            position = close + 2;

            if (isOutput)
            {
                tokens.Add(new TemplateToken(TemplateTokenKind.Output, open, markupStart, markupEnd));
            }
            else if (IsRawTag(source, markupStart, markupEnd))
            {
                position = ReadRaw(tokens, source, open, position, trimNextText, syntaxError, out trimNextText);
            }
            else if (IsDocTag(source, markupStart, markupEnd))
            {
                position = ReadDoc(tokens, source, open, markupStart, markupEnd, position, syntaxError, out trimNextText);
            }
            else
            {
                tokens.Add(new TemplateToken(TemplateTokenKind.Tag, open, markupStart, markupEnd));
            }
        }

        return tokens;
    }

    private static int FindOpening(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddText(List<TemplateToken> tokens, string source, int start, int end, bool trimStart, bool trimEnd, bool raw = false)
    {
        var span = source.AsSpan(start, end - start);
        if (trimStart)
        {
            var trimmed = span.TrimStart();
            start += span.Length - trimmed.Length;
            span = trimmed;
        }

        if (trimEnd)
        {
            span = span.TrimEnd();
        }

        if (span.Length > 0)
        {
            tokens.Add(new TemplateToken(raw ? TemplateTokenKind.RawText : TemplateTokenKind.Text, start, start, start + span.Length, span.ToString()));
        }
    }

    private static bool IsRawTag(string source, int start, int end)
    {
        var markup = source.AsSpan(start, end - start).Trim();
        return markup.SequenceEqual("raw");
    }

    private static int ReadRaw(
        List<TemplateToken> tokens, string source, int open, int bodyStart, bool trimStart, Func<string, int, Exception> syntaxError, out bool trimAfter)
    {
        var end = EndRawPattern().Match(source, bodyStart);
        if (!end.Success)
        {
            throw syntaxError("'raw' was never closed with 'endraw'", open);
        }

        AddText(tokens, source, bodyStart, end.Index, trimStart, trimEnd: end.Groups["left"].Success, raw: true);
        trimAfter = end.Groups["right"].Success;
        return end.Index + end.Length;
    }

    private static bool IsDocTag(string source, int start, int end)
    {
        var markup = source.AsSpan(start, end - start).TrimStart();
        return markup.StartsWith("doc", StringComparison.Ordinal) && (markup.Length == 3 || !(char.IsAsciiLetterOrDigit(markup[3]) || markup[3] == '_'));
    }

    /// <summary>Skips a doc block's body, which is neither parsed nor rendered; the tag token carries it so the parser knows whether it was empty.</summary>
    private static int ReadDoc(
        List<TemplateToken> tokens, string source, int open, int markupStart, int markupEnd, int bodyStart, Func<string, int, Exception> syntaxError, out bool trimAfter)
    {
        var end = DocTagPattern().Match(source, bodyStart);
        if (!end.Success)
        {
            throw syntaxError("'doc' was never closed with 'enddoc'", open);
        }

        if (end.Groups["name"].Value == "doc")
        {
            throw syntaxError("'doc' blocks cannot be nested", end.Index);
        }

        tokens.Add(new TemplateToken(TemplateTokenKind.Tag, open, markupStart, markupEnd, source[bodyStart..end.Index]));
        trimAfter = end.Groups["right"].Success;
        return end.Index + end.Length;
    }

    [GeneratedRegex(@"\{%(?<left>-)?\s*endraw\s*(?<right>-)?%\}")]
    private static partial Regex EndRawPattern();

    [GeneratedRegex(@"\{%-?\s*(?<name>enddoc|doc)\b.*?(?<right>-)?%\}", RegexOptions.Singleline)]
    private static partial Regex DocTagPattern();
}
