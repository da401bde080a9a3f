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

    /// <summary>
    /// Ruby Liquid's <c>blank?</c>, decided when parsing: the node never outputs anything (assign,
    /// capture, a block whose bodies are all blank). Blank blocks drop their whitespace text, and
    /// the inline error of a blank node is not written.
    /// </summary>
    public virtual bool IsBlank => false;

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
                // As in Ruby Liquid, a tag that outputs nothing does not print its error either.
                if (!nodes[i].IsBlank)
                {
                    context.WriteInlineError(error, nodes[i].Position);
                }

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
