using Telemed.Liquid.Filters;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>
/// One <c>| name: args</c> step. The filter is looked up once, when the template is parsed;
/// a null <see cref="Filter"/> means the name was unknown.
/// </summary>
internal sealed class FilterCall(string name, LiquidFilter? filter, Expression[] positional, string[] namedNames, Expression[] namedValues, int position)
{
    public string Name { get; } = name;

    public LiquidFilter? Filter { get; } = filter;

    public int Position { get; } = position;

    public LiquidValue Invoke(LiquidValue input, LiquidRenderContext context)
    {
        if (Filter is null)
        {
            return context.StrictFilters
                ? throw new LiquidRuntimeError($"Unknown filter '{Name}'") { Position = Position }
                : input;
        }

        var start = context.Arguments.Push(positional.Length + namedValues.Length);
        try
        {
            var buffer = context.Arguments.Buffer;
            for (var i = 0; i < positional.Length; i++)
            {
                buffer[start + i] = positional[i].Evaluate(context);
            }

            for (var i = 0; i < namedValues.Length; i++)
            {
                buffer[start + positional.Length + i] = namedValues[i].Evaluate(context);
            }

            var result = Filter(input, new FilterArguments(buffer, start, positional.Length, namedNames), context);
            if (result.Kind == LiquidValueKind.String)
            {
                context.CheckStringLength(result.AsString!.Length);
            }

            return result;
        }
        catch (LiquidRuntimeError error)
        {
            if (error.Position < 0)
            {
                error.Position = Position;
            }

            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException and not LiquidException)
        {
            throw new LiquidRuntimeError($"Filter '{Name}' failed: {error.Message}") { Position = Position };
        }
        finally
        {
            context.Arguments.Pop(start);
        }
    }
}
