using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Contains,
}

/// <summary><c>left op right</c> with op one of <c>== != &lt;&gt; &lt; &gt; &lt;= &gt;= contains</c>.</summary>
internal sealed class ComparisonExpression(string op, Expression left, Expression right, int position) : Expression(position)
{
    private readonly ComparisonOperator _operator = op switch
    {
        "==" => ComparisonOperator.Equal,
        "!=" or "<>" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        ">" => ComparisonOperator.Greater,
        "<=" => ComparisonOperator.LessOrEqual,
        ">=" => ComparisonOperator.GreaterOrEqual,
        _ => ComparisonOperator.Contains,
    };

    public override LiquidValue Evaluate(LiquidRenderContext context)
    {
        var l = left.Evaluate(context);
        var r = right.Evaluate(context);
        var result = _operator switch
        {
            ComparisonOperator.Equal => LiquidValue.LiquidEquals(l, r),
            ComparisonOperator.NotEqual => !LiquidValue.LiquidEquals(l, r),
            ComparisonOperator.Contains => LiquidValue.Contains(l, r),
            _ => Order(l, r),
        };

        return LiquidValue.Create(result);
    }

    private bool Order(LiquidValue l, LiquidValue r)
    {
        var comparison = LiquidValue.Compare(l, r);
        return comparison is { } c && _operator switch
        {
            ComparisonOperator.Less => c < 0,
            ComparisonOperator.Greater => c > 0,
            ComparisonOperator.LessOrEqual => c <= 0,
            _ => c >= 0,
        };
    }
}

/// <summary>
/// <c>and</c>/<c>or</c>. The parser nests these to the right, so <c>a or b and c</c> is
/// <c>a or (b and c)</c>: Shopify's right-to-left evaluation.
/// </summary>
internal sealed class LogicalExpression(bool isAnd, Expression left, Expression right) : Expression(left.Position)
{
    public override LiquidValue Evaluate(LiquidRenderContext context)
    {
        var leftTrue = left.Evaluate(context).IsTruthy;
        var result = isAnd ? leftTrue && right.Evaluate(context).IsTruthy : leftTrue || right.Evaluate(context).IsTruthy;
        return LiquidValue.Create(result);
    }
}

/// <summary>
/// A condition whose operator is not Liquid's (<c>not</c>, <c>&amp;&amp;</c>, <c>=</c>, a stray word), kept by
/// the lax parser: like Ruby Liquid, it fails when it is evaluated.
/// </summary>
internal sealed class UnknownOperatorExpression(string op, int position) : Expression(position)
{
    public override LiquidValue Evaluate(LiquidRenderContext context) =>
        throw new LiquidRuntimeError($"Unknown operator '{op}'") { Position = Position };
}
