using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>
/// <c>{% render 'name', key: value %}</c>, <c>with value as alias</c> or <c>for items as item</c>.
/// The partial sees only what is passed to it, and shares the output, encoding and limits.
/// </summary>
internal sealed class RenderNode(
    string templateName,
    Expression? variable,
    bool isForLoop,
    string alias,
    string[] argumentNames,
    Expression[] argumentValues,
    int position) : Node(position)
{
    public override Completion Render(LiquidRenderContext context)
    {
        context.Budget.EnterPartial();
        try
        {
            var partial = context.Engine.GetPartial(templateName, context.TemplateStore);
            var value = variable?.Evaluate(context) ?? LiquidValue.Nil;
            if (isForLoop && value.Kind is LiquidValueKind.Array or LiquidValueKind.Hash)
            {
                RenderEach(context, partial, ForNode.Items(value));
            }
            else
            {
                RenderOnce(context, partial, variable is null ? (LiquidValue?)null : value, null);
            }
        }
        finally
        {
            context.Budget.ExitPartial();
        }

        return Completion.Normal;
    }

    private void RenderEach(LiquidRenderContext context, LiquidTemplate partial, IReadOnlyList<LiquidValue> items)
    {
        var forLoop = new ForLoopObject();
        forLoop.Start(templateName, items.Count, null);
        for (var i = 0; i < items.Count; i++)
        {
            context.Budget.CountIterations(1);
            forLoop.Index0 = i;
            RenderOnce(context, partial, items[i], forLoop);
        }
    }

    private void RenderOnce(LiquidRenderContext context, LiquidTemplate partial, LiquidValue? value, ForLoopObject? forLoop)
    {
        var inner = context.CreatePartialContext(partial);
        for (var i = 0; i < argumentNames.Length; i++)
        {
            inner.Assign(argumentNames[i], argumentValues[i].Evaluate(context));
        }

        if (value is { } item)
        {
            inner.Assign(alias, item);
        }

        if (forLoop is not null)
        {
            inner.Assign("forloop", LiquidValue.Create(forLoop));
        }

        Body.Render(partial.Body, inner);
    }
}
