using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>
/// <c>{% tablerow item in collection cols: n limit: n offset: n %}…{% endtablerow %}</c>: table rows
/// and cells around the body, <c>cols</c> cells to a row, with a <c>tablerowloop</c> object. Markup
/// and line breaks follow Shopify's Ruby engine exactly, since templates style by its class names.
/// </summary>
internal sealed class TableRowNode(
    string variable,
    string loopVariable,
    Expression collection,
    Expression? limit,
    Expression? offset,
    Expression? cols,
    Node[] body,
    bool blank,
    int position) : Node(position)
{
    public override bool IsBlank => blank;

    public override Completion Render(LiquidRenderContext context)
    {
        var value = collection.Evaluate(context);
        if (value.IsNil)
        {
            return Completion.Normal;
        }

        var items = ForNode.Items(value);
        var from = offset?.Evaluate(context) is { IsNil: false } offsetValue ? Math.Max(offsetValue.ToInteger(), 0) : 0;
        var to = limit?.Evaluate(context) is { IsNil: false } limitValue ? Math.Min(items.Count, from + limitValue.ToInteger()) : items.Count;
        var length = (int)Math.Max(to - from, 0);
        var columns = cols?.Evaluate(context) is { IsNil: false } colsValue ? colsValue.ToInteger() : length;

        var output = context.Output;
        output.Write("<tr class=\"row1\">\n");
        var loop = new TableRowLoopObject(length, columns);
        var localStart = context.LocalCount;
        context.PushLocal(variable, LiquidValue.Nil);
        context.PushLocal(loopVariable, LiquidValue.Create(loop));
        try
        {
            for (var i = 0; i < length; i++)
            {
                context.Budget.CountIterations(1);
                context.SetLocal(localStart, items[(int)from + i]);
                output.Write("<td class=\"col");
                output.WriteValue(LiquidValue.Create(loop.Column));
                output.Write("\">");
                var completion = Body.Render(body, context);
                output.Write("</td>");
                if (completion == Completion.Break)
                {
                    break;
                }

                if (loop.IsLastColumn && !loop.IsLast)
                {
                    output.Write("</tr>\n<tr class=\"row");
                    output.WriteValue(LiquidValue.Create(loop.Row + 1));
                    output.Write("\">");
                }

                loop.Advance();
            }
        }
        finally
        {
            context.PopLocals(localStart);
        }

        output.Write("</tr>\n");
        return Completion.Normal;
    }
}
