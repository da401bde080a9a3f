using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>
/// <c>{% for item in collection limit: n offset: m reversed %}…{% else %}…{% endfor %}</c>.
/// Offset and limit slice first, then <c>reversed</c> applies, as in Ruby Liquid.
/// </summary>
internal sealed class ForNode(
    string variable,
    string loopName,
    Expression collection,
    Expression? limit,
    Expression? offset,
    bool continueOffset,
    bool reversed,
    Node[] body,
    Node[]? elseBody,
    bool blank,
    int position) : Node(position)
{
    public override bool IsBlank => blank;

    public override Completion Render(LiquidRenderContext context)
    {
        var items = Items(collection.Evaluate(context));
        var from = continueOffset
            ? (context.ForOffsets.TryGetValue(loopName, out var previous) ? previous : 0)
            : offset?.Evaluate(context) is { IsNil: false } offsetValue ? offsetValue.ToInteger() : 0;
        var limitValue = limit?.Evaluate(context) ?? LiquidValue.Nil;
        var to = limitValue.IsNil ? items.Count : Math.Min(items.Count, from + limitValue.ToInteger());
        from = Math.Max(from, 0);
        var length = (int)Math.Max(to - from, 0);
        if (context.Template.UsesContinueOffset)
        {
            context.ForOffsets[loopName] = from + length;
        }

        if (length == 0)
        {
            return elseBody is null ? Completion.Normal : Body.Render(elseBody, context);
        }

        // Lists converted from .NET are arrays: index them directly rather than through the interface.
        var array = items as LiquidValue[];
        var forLoop = context.EnterLoop(loopName, length);
        var localStart = context.LocalCount;
        context.PushLocal(variable, LiquidValue.Nil);
        context.PushLocal("forloop", LiquidValue.Create(forLoop));
        try
        {
            for (var i = 0; i < length; i++)
            {
                context.Budget.CountIterations(1);
                var index = (int)from + (reversed ? length - 1 - i : i);
                context.SetLocal(localStart, array is not null ? array[index] : items[index]);
                forLoop.Index0 = i;
                if (Body.Render(body, context) == Completion.Break)
                {
                    break;
                }
            }
        }
        finally
        {
            context.ExitLoop();
            context.PopLocals(localStart);
        }

        return Completion.Normal;
    }

    /// <summary>What a <c>for</c> walks: arrays and ranges, a hash as [key, value] pairs, a string once; anything else is empty.</summary>
    internal static IReadOnlyList<LiquidValue> Items(LiquidValue value)
    {
        switch (value.Kind)
        {
            case LiquidValueKind.Array:
                return value.AsArray!;
            case LiquidValueKind.Hash:
                var pairs = new List<LiquidValue>(value.AsHash!.Count);
                foreach (var pair in value.AsHash!)
                {
                    pairs.Add(LiquidValue.Array(LiquidValue.Create(pair.Key), pair.Value));
                }

                return pairs;
            case LiquidValueKind.String when value.AsString!.Length > 0:
                return [value];
            default:
                return [];
        }
    }
}
