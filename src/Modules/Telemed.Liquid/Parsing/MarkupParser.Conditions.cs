using Telemed.Liquid.Syntax;

namespace Telemed.Liquid.Parsing;

internal sealed partial class MarkupParser
{
    /// <summary>The markup of <c>if</c>, <c>elsif</c> and <c>unless</c>.</summary>
    public Expression ParseConditionTag()
    {
        if (AtEnd)
        {
            throw Error("Expected a condition");
        }

        var condition = ParseCondition();
        ExpectEnd();
        return condition;
    }

    /// <summary>
    /// <c>a and b or c</c>: no precedence and no parentheses; the chain nests to the right so it is
    /// evaluated right to left, as in Shopify Liquid.
    /// </summary>
    public Expression ParseCondition()
    {
        var left = ParseComparison();
        var isAnd = Current.IsIdentifier("and");
        if (isAnd || Current.IsIdentifier("or"))
        {
            Next();
            return new LogicalExpression(isAnd, left, ParseCondition());
        }

        return left;
    }

    private static readonly HashSet<string> Operators = ["==", "!=", "<>", "<", ">", "<=", ">="];

    private Expression ParseComparison()
    {
        if (Current.Kind == MarkupTokenKind.Comparison && Current.Text == "!")
        {
            throw Error("Unknown operator '!': Liquid has no 'not'; use 'unless', or '!=' to compare");
        }

        var left = ParseExpression();
        var token = Current;
        if ((token.Kind == MarkupTokenKind.Comparison && Operators.Contains(token.Text)) || token.IsIdentifier("contains"))
        {
            Next();
            return new ComparisonExpression(token.Text, left, ParseExpression(), left.Position);
        }

        // Ruby's lax parser reads any word or run of =!<> after the first value as the operator and
        // fails at render ("Unknown operator"); the strict parser refuses them here.
        string? unknown = token switch
        {
            { Kind: MarkupTokenKind.Comparison } => token.Text,
            { Kind: MarkupTokenKind.Assign } => "=",
            { Kind: MarkupTokenKind.Pipe } when Peek(1) is { Kind: MarkupTokenKind.Pipe } second && second.Start == token.Start + 1 => "||",
            { Kind: MarkupTokenKind.Identifier } when token.Text is not ("and" or "or") => IsBareNot(left) ? "not" : token.Text,
            _ => null,
        };

        if (unknown is null)
        {
            return left;
        }

        var position = unknown == "not" && token.Text != "not" ? left.Position : token.Start;
        if (!Lenient)
        {
            throw new MarkupSyntaxError(UnknownOperatorMessage(unknown), position);
        }

        // Skip the operator and whatever value follows it, so an 'and'/'or' chain still parses.
        Next();
        if (unknown == "||")
        {
            Next();
        }

        if (!AtEnd && !Current.IsIdentifier("and") && !Current.IsIdentifier("or") && unknown != "not")
        {
            TryParseExpression();
        }

        return new UnknownOperatorExpression(unknown, position);
    }

    private static bool IsBareNot(Expression expression) =>
        expression is VariableExpression { RootName: "not", HasSegments: false };

    private static string UnknownOperatorMessage(string op) => op switch
    {
        "=" => "Use '==' to compare values; '=' is only for assign",
        "not" or "!" => $"Unknown operator '{op}': Liquid has no 'not'; use 'unless', or '!=' to compare",
        "&&" => "Unknown operator '&&': use 'and'",
        "||" => "Unknown operator '||': use 'or'",
        _ => $"Unknown operator '{op}': conditions compare with ==, !=, <>, <, >, <=, >= or contains",
    };

    /// <summary><c>{% when 1, 2 %}</c> or <c>{% when 1 or 2 %}</c>.</summary>
    public Expression?[] ParseWhenValues()
    {
        var values = new List<Expression?> { ParseExpression() };
        while (TryConsume(MarkupTokenKind.Comma) || TryConsumeIdentifier("or"))
        {
            values.Add(ParseExpression());
        }

        ExpectEnd();
        return [.. values];
    }

    /// <summary>A single value with nothing after it, e.g. the subject of <c>case</c>.</summary>
    public Expression ParseSingleExpression()
    {
        var expression = ParseExpression();
        ExpectEnd();
        return expression;
    }
}
