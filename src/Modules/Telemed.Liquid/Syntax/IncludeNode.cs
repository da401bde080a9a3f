using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>
/// <c>{% include 'name' %}</c>, deprecated by Shopify for <c>render</c> but still in older templates.
/// Unlike <c>render</c> the partial shares the caller's variables: it reads them and its assigns
/// stay after it. <c>with value</c> or <c>for items</c> sets the variable named after the partial
/// (or <c>as alias</c>), once per item when the value is a list; <c>key: value</c> arguments and that
/// variable hold only while the partial renders. Without <c>with</c>, the variable keeps the
/// caller's value of the same name. The name may be a variable; partial depth, loop and time limits apply.
/// </summary>
internal sealed class IncludeNode(
    Expression templateName,
    Expression? variable,
    string? alias,
    string[] argumentNames,
    Expression[] argumentValues,
    int position) : Node(position)
{
    public override Completion Render(LiquidRenderContext context)
    {
        if (context.IsIsolated)
        {
            throw new LiquidRuntimeError("'include' cannot be used in a partial rendered with 'render'");
        }

        if (templateName.Evaluate(context).AsString is not { } name)
        {
            throw new LiquidRuntimeError("'include' needs the partial's name as text");
        }

        context.Budget.EnterPartial();
        try
        {
            var partial = context.Engine.GetPartial(name, context.TemplateStore);
            var value = variable is not null
                ? variable.Evaluate(context)
                : context.TryGetVariable(name, -1, out var current) ? current : LiquidValue.Nil;

            var localStart = context.LocalCount;
            try
            {
                // In order, so an argument can use the ones before it, as in Ruby.
                for (var i = 0; i < argumentNames.Length; i++)
                {
                    context.PushLocal(argumentNames[i], argumentValues[i].Evaluate(context));
                }

                var itemIndex = context.LocalCount;
                context.PushLocal(alias ?? name[(name.LastIndexOf('/') + 1)..], value);
                var scope = context.EnterInclude(partial);
                try
                {
                    // A list renders the partial once per item (a range, not being a Ruby array, does not).
                    if (value.AsArray is { } items and not LiquidRange)
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            context.Budget.CountIterations(1);
                            context.SetLocal(itemIndex, items[i]);
                            var completion = Body.Render(partial.Body, context);
                            if (completion != Completion.Normal)
                            {
                                return completion;
                            }
                        }

                        return Completion.Normal;
                    }

                    // break and continue in the partial act on the caller's loop, as in Ruby.
                    return Body.Render(partial.Body, context);
                }
                finally
                {
                    context.ExitInclude(scope);
                }
            }
            finally
            {
                context.PopLocals(localStart);
            }
        }
        finally
        {
            context.Budget.ExitPartial();
        }
    }
}
