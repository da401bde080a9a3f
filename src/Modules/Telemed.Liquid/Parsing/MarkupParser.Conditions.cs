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

    private Expression ParseComparison()
    {
        var left = ParseExpression();
        if (Current.Kind == MarkupTokenKind.Comparison || Current.IsIdentifier("contains"))
        {
            var op = Next().Text;
            return new ComparisonExpression(op, left, ParseExpression(), left.Position);
        }

        if (Current.Kind == MarkupTokenKind.Assign && !Lenient)
        {
            throw Error("Use '==' to compare values; '=' is only for assign");
        }

        return left;
    }

    /// <summary><c>{% when 1, 2 %}</c> or <c>{% when 1 or 2 %}</c>.</summary>
    public Expression[] ParseWhenValues()
    {
        var values = new List<Expression> { ParseExpression() };
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
