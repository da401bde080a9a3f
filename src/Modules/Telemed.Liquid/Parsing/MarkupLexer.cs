namespace Telemed.Liquid.Parsing;

/// <summary>Splits the markup of one tag or output into tokens (identifiers, literals, operators).</summary>
internal static class MarkupLexer
{
    public static MarkupToken[] Tokenize(string source, int start, int end, NameTable names)
    {
        var tokens = new List<MarkupToken>(8);
        var i = start;
        while (i < end)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var tokenStart = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                i++;
                while (i < end && (char.IsAsciiLetterOrDigit(source[i]) || source[i] is '_' or '-'))
                {
                    i++;
                }

                if (i < end && source[i] == '?')
                {
                    i++;
                }

                tokens.Add(new(MarkupTokenKind.Identifier, tokenStart, names.Get(source.AsSpan(tokenStart, i - tokenStart))));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < end && char.IsAsciiDigit(source[i + 1])))
            {
                i = ReadNumber(source, i, end, out var kind);
                tokens.Add(new(kind, tokenStart, source[tokenStart..i]));
            }
            else if (c is '"' or '\'')
            {
                var close = source.IndexOf(c, i + 1, end - i - 1);
                if (close < 0)
                {
                    tokens.Add(new(MarkupTokenKind.Invalid, tokenStart, source[tokenStart..end]));
                    break;
                }

                tokens.Add(new(MarkupTokenKind.String, tokenStart, source[(i + 1)..close]));
                i = close + 1;
            }
            else
            {
                var (kind, length) = ReadSymbol(source, i, end);
                tokens.Add(new(kind, tokenStart, source.Substring(i, length)));
                i += length;
            }
        }

        tokens.Add(new(MarkupTokenKind.End, end, string.Empty));
        return [.. tokens];
    }

    private static int ReadNumber(string source, int i, int end, out MarkupTokenKind kind)
    {
        kind = MarkupTokenKind.Integer;
        i++;
        while (i < end && char.IsAsciiDigit(source[i]))
        {
            i++;
        }

        // "1.5" is a float; "1..5" is an integer followed by a range operator.
        if (i + 1 < end && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
        {
            kind = MarkupTokenKind.Float;
            i += 2;
            while (i < end && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static (MarkupTokenKind Kind, int Length) ReadSymbol(string source, int i, int end)
    {
        var c = source[i];
        var next = i + 1 < end ? source[i + 1] : '\0';
        if (c is '=' or '!' or '<' or '>')
        {
            // A run of operator characters is one token, so '===', '=>' or '!' reach the condition
            // parser whole and are reported as the operators they are not.
            var length = 1;
            while (i + length < end && source[i + length] is '=' or '!' or '<' or '>')
            {
                length++;
            }

            return (length == 1 && c == '=' ? MarkupTokenKind.Assign : MarkupTokenKind.Comparison, length);
        }

        return c switch
        {
            '.' when next == '.' => (MarkupTokenKind.DotDot, 2),
            '.' => (MarkupTokenKind.Dot, 1),
            ',' => (MarkupTokenKind.Comma, 1),
            ':' => (MarkupTokenKind.Colon, 1),
            '|' => (MarkupTokenKind.Pipe, 1),
            '[' => (MarkupTokenKind.OpenBracket, 1),
            ']' => (MarkupTokenKind.CloseBracket, 1),
            '(' => (MarkupTokenKind.OpenParen, 1),
            ')' => (MarkupTokenKind.CloseParen, 1),
            '&' when next == '&' => (MarkupTokenKind.Comparison, 2),
            _ => (MarkupTokenKind.Invalid, 1),
        };
    }
}
