using System.Globalization;
using Telemed.Liquid.Filters;
using Telemed.Liquid.Syntax;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Parsing;

/// <summary>
/// Parses the markup of one tag or output. When <see cref="Lenient"/> (the lax retry), stray
/// tokens are skipped the way Ruby Liquid's lax parser ignores what it cannot read.
/// </summary>
internal sealed partial class MarkupParser
{
    private readonly MarkupToken[] _tokens;
    private readonly LiquidFilterRegistry _filters;
    private readonly NameTable _names;
    private int _index;

    public MarkupParser(string source, int start, int end, LiquidFilterRegistry filters, NameTable names, bool lenient)
    {
        var tokens = MarkupLexer.Tokenize(source, start, end, names);
        _tokens = lenient ? Array.FindAll(tokens, t => t.Kind != MarkupTokenKind.Invalid) : tokens;
        _filters = filters;
        _names = names;
        Lenient = lenient;
        Source = source;
    }

    public bool Lenient { get; }

    public string Source { get; }

    public MarkupToken Current => _tokens[_index];

    public bool AtEnd => Current.Kind == MarkupTokenKind.End;

    public MarkupToken Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Length - 1)];

    public MarkupToken Next()
    {
        var token = Current;
        if (token.Kind != MarkupTokenKind.End)
        {
            _index++;
        }

        return token;
    }

    public bool TryConsume(MarkupTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    public bool TryConsumeIdentifier(string name)
    {
        if (!Current.IsIdentifier(name))
        {
            return false;
        }

        Next();
        return true;
    }

    public MarkupToken Expect(MarkupTokenKind kind, string expected) =>
        Current.Kind == kind ? Next() : throw Error($"Expected {expected} but found {Current.Describe()}");

    public string ExpectIdentifier(string expected) => Expect(MarkupTokenKind.Identifier, expected).Text;

    /// <summary>Requires the markup to be finished; the lax retry ignores whatever is left.</summary>
    public void ExpectEnd()
    {
        if (!AtEnd && !Lenient)
        {
            throw Error(Current.Kind == MarkupTokenKind.Invalid
                ? $"Unexpected character {Current.Describe()}"
                : $"Unexpected {Current.Describe()}");
        }
    }

    public MarkupSyntaxError Error(string message) => new(message, Current.Start);

    /// <summary>The markup of an output or <c>echo</c>: a value and its filters; null when empty.</summary>
    public Expression? ParseOutput()
    {
        if (AtEnd)
        {
            return null;
        }

        var expression = ParseFilteredExpression();
        ExpectEnd();
        return expression;
    }

    public Expression ParseFilteredExpression()
    {
        var input = Lenient ? TryParseExpression() ?? new LiteralExpression(LiquidValue.Nil, Current.Start) : ParseExpression();
        List<FilterCall>? filters = null;
        while (!AtEnd)
        {
            if (TryConsume(MarkupTokenKind.Pipe))
            {
                if (ParseFilter() is { } filter)
                {
                    (filters ??= []).Add(filter);
                }
            }
            else if (Lenient)
            {
                Next();
            }
            else
            {
                break;
            }
        }

        return filters is null ? input : new FilteredExpression(input, [.. filters]);
    }

    private FilterCall? ParseFilter()
    {
        if (Current.Kind != MarkupTokenKind.Identifier)
        {
            return Lenient ? null : throw Error($"Expected a filter name after '|' but found {Current.Describe()}");
        }

        var name = Next();
        var positional = new List<Expression>();
        var namedNames = new List<string>();
        var namedValues = new List<Expression>();
        if (TryConsume(MarkupTokenKind.Colon))
        {
            do
            {
                ParseFilterArgument(positional, namedNames, namedValues);
            }
            while (TryConsume(MarkupTokenKind.Comma));
        }

        string? countError = null;
        if (_filters.TryGet(name.Text, out var filter, out var min, out var max))
        {
            // Ruby passes named arguments as one more (hash) argument and counts the input too.
            var given = positional.Count + (namedNames.Count > 0 ? 1 : 0);
            if (given < min || given > max)
            {
                var expected = min == max ? $"{min + 1}" : max == int.MaxValue ? $"{min + 1}+" : $"{min + 1}..{max + 1}";
                countError = $"wrong number of arguments (given {given + 1}, expected {expected})";
            }
        }

        return new FilterCall(name.Text, filter, [.. positional], [.. namedNames], [.. namedValues], name.Start, countError);
    }

    private void ParseFilterArgument(List<Expression> positional, List<string> namedNames, List<Expression> namedValues)
    {
        if (Current.Kind == MarkupTokenKind.Identifier && Peek(1).Kind == MarkupTokenKind.Colon)
        {
            namedNames.Add(Next().Text);
            Next();
            namedValues.Add(ParseExpression());
            return;
        }

        if (Lenient)
        {
            if (TryParseExpression() is { } argument)
            {
                positional.Add(argument);
            }

            return;
        }

        positional.Add(ParseExpression());
    }

    private Expression? TryParseExpression()
    {
        var start = _index;
        try
        {
            return ParseExpression();
        }
        catch (MarkupSyntaxError)
        {
            _index = Math.Min(start + 1, _tokens.Length - 1);
            return null;
        }
    }

    /// <summary>A literal, a variable path or a range.</summary>
    public Expression ParseExpression()
    {
        var token = Current;
        switch (token.Kind)
        {
            case MarkupTokenKind.String:
                Next();
                return new LiteralExpression(LiquidValue.Create(token.Text), token.Start);
            case MarkupTokenKind.Integer:
                Next();
                return new LiteralExpression(ParseInteger(token.Text), token.Start);
            case MarkupTokenKind.Float:
                Next();
                return new LiteralExpression(LiquidValue.Create(double.Parse(token.Text, CultureInfo.InvariantCulture)), token.Start);
            case MarkupTokenKind.OpenParen:
                Next();
                var start = ParseExpression();
                Expect(MarkupTokenKind.DotDot, "'..' in the range");
                var end = ParseExpression();
                Expect(MarkupTokenKind.CloseParen, "')' to close the range");
                return new RangeExpression(start, end, token.Start);
            case MarkupTokenKind.OpenBracket:
                Next();
                var key = ParseExpression();
                Expect(MarkupTokenKind.CloseBracket, "']'");
                return new VariableExpression(null, -1, _names.Bindings, key, ParseSegments(), token.Start);
            case MarkupTokenKind.Identifier:
                Next();
                if (Current.Kind is not MarkupTokenKind.Dot and not MarkupTokenKind.OpenBracket && Keyword(token.Text) is { } literal)
                {
                    return new LiteralExpression(literal, token.Start);
                }

                return new VariableExpression(token.Text, _names.SlotOf(token.Text), _names.Bindings, null, ParseSegments(), token.Start);
            default:
                throw Error(token.Kind == MarkupTokenKind.Invalid && token.Text.Length > 0 && token.Text[0] is '"' or '\''
                    ? "A quoted string is not closed"
                    : $"Expected a value but found {token.Describe()}");
        }
    }

    private PathSegment[] ParseSegments()
    {
        List<PathSegment>? segments = null;
        while (true)
        {
            if (TryConsume(MarkupTokenKind.Dot))
            {
                (segments ??= []).Add(new PathSegment(ExpectIdentifier("a name after '.'"), null));
            }
            else if (TryConsume(MarkupTokenKind.OpenBracket))
            {
                var index = ParseExpression();
                Expect(MarkupTokenKind.CloseBracket, "']'");
                (segments ??= []).Add(new PathSegment(null, index));
            }
            else
            {
                return segments is null ? [] : [.. segments];
            }
        }
    }

    private static LiquidValue? Keyword(string name) => name switch
    {
        "true" => LiquidValue.True,
        "false" => LiquidValue.False,
        "nil" or "null" => LiquidValue.Nil,
        "empty" => LiquidValue.Empty,
        "blank" => LiquidValue.Blank,
        _ => (LiquidValue?)null,
    };

    private static LiquidValue ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? LiquidValue.Create(value)
            : LiquidValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
}
