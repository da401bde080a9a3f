using Telemed.Liquid.Filters;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>
/// One <c>| name: args</c> step. The filter is looked up once, when the template is parsed;
/// a null <see cref="Filter"/> means the name was unknown. A call with the wrong number of
/// arguments parses, and fails when it runs, as in Ruby Liquid.
/// </summary>
internal sealed class FilterCall(
    string name, LiquidFilter? filter, Expression[] positional, string[] namedNames, Expression[] namedValues, int position, string? countError = null)
{
    private static readonly LiquidValue[] NoArguments = [];

    public string Name { get; } = name;

    public LiquidFilter? Filter { get; } = filter;

    public int Position { get; } = position;

    /// <summary>True when the filter can write its text straight into the output (the built-in <c>date</c> and case filters).</summary>
    public bool WritesDirectly => _writesDate || _letterCase is not null;

    private readonly bool _writesDate = ReferenceEquals(filter, DateFilters.Date);

    private readonly StringFilters.LetterCase? _letterCase = filter switch
    {
        _ when ReferenceEquals(filter, StringFilters.Upcase) => StringFilters.LetterCase.Upper,
        _ when ReferenceEquals(filter, StringFilters.Downcase) => StringFilters.LetterCase.Lower,
        _ when ReferenceEquals(filter, StringFilters.Capitalize) => StringFilters.LetterCase.Capitalized,
        _ => null,
    };

    // A date format spelled out in the template is read once, here, rather than at every render.
    private readonly StrftimeFormat? _literalDateFormat =
        ReferenceEquals(filter, DateFilters.Date) && positional is [LiteralExpression { Value.AsString: { Length: > 0 } format }, ..]
            ? StrftimeFormat.Parse(format)
            : null;

    /// <summary>Writes the filter's result into the output; false when it has nothing to write that way.</summary>
    public bool TryWrite(LiquidValue input, LiquidRenderContext context)
    {
        if (countError is not null)
        {
            return false;
        }

        if (_letterCase is { } letterCase)
        {
            return StringFilters.TryWriteCase(input, letterCase, context.Output);
        }

        var hasArguments = positional.Length + namedValues.Length > 0;
        var arguments = hasArguments ? EvaluateArguments(context) : new FilterArguments(NoArguments, 0, 0, namedNames);
        try
        {
            return DateFilters.WriteDate(input, arguments, _literalDateFormat, context);
        }
        catch (LiquidRuntimeError error)
        {
            if (error.Position < 0)
            {
                error.Position = Position;
            }

            throw;
        }
        finally
        {
            if (hasArguments)
            {
                context.Arguments.Pop(arguments.Start);
            }
        }
    }

    public LiquidValue Invoke(LiquidValue input, LiquidRenderContext context)
    {
        if (Filter is null)
        {
            return context.StrictFilters
                ? throw new LiquidRuntimeError($"Unknown filter '{Name}'") { Position = Position }
                : input;
        }

        if (countError is not null)
        {
            throw new LiquidRuntimeError(countError) { Position = Position };
        }

        var hasArguments = positional.Length + namedValues.Length > 0;
        var arguments = hasArguments ? EvaluateArguments(context) : new FilterArguments(NoArguments, 0, 0, namedNames);
        LiquidValue result;
        try
        {
            result = Filter(input, arguments, context);
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
            if (hasArguments)
            {
                context.Arguments.Pop(arguments.Start);
            }
        }

        if (result.Kind == LiquidValueKind.String)
        {
            context.CheckStringLength(result.AsString!.Length);
        }

        return result;
    }

    private FilterArguments EvaluateArguments(LiquidRenderContext context)
    {
        var start = context.Arguments.Push(positional.Length + namedValues.Length);
        var buffer = context.Arguments.Buffer;
        for (var i = 0; i < positional.Length; i++)
        {
            buffer[start + i] = positional[i].Evaluate(context);
        }

        for (var i = 0; i < namedValues.Length; i++)
        {
            buffer[start + positional.Length + i] = namedValues[i].Evaluate(context);
        }

        return new FilterArguments(buffer, start, positional.Length, namedNames);
    }
}
