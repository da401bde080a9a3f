using Telemed.Liquid.Rendering;

namespace Telemed.Liquid.Syntax;

/// <summary>How a node finished: normally, or interrupted by <c>break</c>/<c>continue</c> for the enclosing loop.</summary>
internal enum Completion
{
    Normal,
    Break,
    Continue,
}

/// <summary>A statement of the parsed template. Nodes are immutable and shared by concurrent renders.</summary>
internal abstract class Node(int position)
{
    public int Position { get; } = position;

    public abstract Completion Render(LiquidRenderContext context);
}

internal static class Body
{
    public static Completion Render(Node[] nodes, LiquidRenderContext context)
    {
        var i = 0;
        while (true)
        {
            try
            {
                for (; i < nodes.Length; i++)
                {
                    // Text and outputs are most of a template: write them without a virtual call.
                    if (nodes[i] is TextNode text)
                    {
                        context.Output.Write(text.Text);
                        continue;
                    }

                    if (nodes[i] is OutputNode output)
                    {
                        output.Write(context);
                        continue;
                    }

                    var completion = nodes[i].Render(context);
                    if (completion != Completion.Normal)
                    {
                        return completion;
                    }
                }

                return Completion.Normal;
            }
            catch (LiquidRuntimeError error) when (context.Settings.InlineErrors && error is not LiquidLimitError)
            {
                context.WriteInlineError(error, nodes[i].Position);
                if (nodes[i] is OutputNode { TrailingText: { } trailing })
                {
                    context.Output.Write(trailing);
                }

                i++;
            }
            catch (LiquidRuntimeError error)
            {
                throw context.ToRenderException(error, nodes[i].Position);
            }
        }
    }
}
