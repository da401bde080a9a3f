using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>A value in markup: a literal, a variable path, a range, a condition or a filtered value.</summary>
internal abstract class Expression(int position)
{
    /// <summary>Offset in the template text, for error locations.</summary>
    public int Position { get; } = position;

    public abstract LiquidValue Evaluate(LiquidRenderContext context);
}

internal sealed class LiteralExpression(LiquidValue value, int position) : Expression(position)
{
    public LiquidValue Value { get; } = value;

    public override LiquidValue Evaluate(LiquidRenderContext context) => Value;
}

/// <summary><c>(start..end)</c>: both ends are read as integers the way Ruby Liquid does.</summary>
internal sealed class RangeExpression(Expression start, Expression end, int position) : Expression(position)
{
    public override LiquidValue Evaluate(LiquidRenderContext context) =>
        LiquidValue.Create(new LiquidRange(ToBound(start.Evaluate(context)), ToBound(end.Evaluate(context))));

    private static long ToBound(LiquidValue value) => value.Kind switch
    {
        LiquidValueKind.Nil => 0,
        LiquidValueKind.String => LiquidValue.ParseNumber(value.AsString!) is var number && number.Kind == LiquidValueKind.Integer ? number.AsInteger : (long)number.AsFloat,
        LiquidValueKind.Float => (long)Math.Truncate(value.AsFloat),
        _ => value.ToInteger(),
    };
}

/// <summary>A value followed by <c>| filter: args</c> calls, applied left to right.</summary>
internal sealed class FilteredExpression(Expression input, FilterCall[] filters) : Expression(input.Position)
{
    public Expression Input { get; } = input;

    public FilterCall[] Filters { get; } = filters;

    /// <summary>Whether the last filter can write its result straight into the output.</summary>
    public bool EndsWithDirectWriter { get; } = filters[^1].WritesDirectly;

    public override LiquidValue Evaluate(LiquidRenderContext context)
    {
        var value = Input.Evaluate(context);
        foreach (var filter in Filters)
        {
            value = filter.Invoke(value, context);
        }

        return value;
    }

    /// <summary>Outputs the value, letting the last filter write directly when it can.</summary>
    public void Write(LiquidRenderContext context)
    {
        var value = Input.Evaluate(context);
        for (var i = 0; i < Filters.Length - 1; i++)
        {
            value = Filters[i].Invoke(value, context);
        }

        var last = Filters[^1];
        if (!last.TryWrite(value, context))
        {
            context.Output.WriteValue(last.Invoke(value, context));
        }
    }
}
