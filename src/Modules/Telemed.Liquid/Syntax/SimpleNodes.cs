using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

internal sealed class TextNode(string text, int position, bool raw = false) : Node(position)
{
    public string Text { get; } = text;

    /// <summary>Whitespace only (Ruby's <c>\s</c>), and not the text of a <c>raw</c> block.</summary>
    public override bool IsBlank { get; } = IsBlankText(text, raw);

    public static bool IsBlankText(string text, bool raw) => !raw && text.AsSpan().IndexOfAnyExcept(" \t\n\v\f\r") < 0;

    public override Completion Render(LiquidRenderContext context)
    {
        context.Output.Write(Text);
        return Completion.Normal;
    }
}

/// <summary><c>{{ expression | filters }}</c> and <c>{% echo %}</c>, with the text that follows it, if any.</summary>
internal sealed class OutputNode(Expression expression, int position, string? trailingText = null) : Node(position)
{
    public string? TrailingText { get; } = trailingText;

    public OutputNode WithTrailingText(string text) => new(expression, Position, text);

    public override Completion Render(LiquidRenderContext context)
    {
        Write(context);
        return Completion.Normal;
    }

    public void Write(LiquidRenderContext context)
    {
        // Most outputs are plain variable paths: call them directly rather than through the base class.
        if (expression is VariableExpression variable)
        {
            context.Output.WriteValue(variable.Evaluate(context));
        }
        else if (expression is FilteredExpression { EndsWithDirectWriter: true } filtered)
        {
            filtered.Write(context);
        }
        else
        {
            context.Output.WriteValue(expression.Evaluate(context));
        }

        if (TrailingText is not null)
        {
            context.Output.Write(TrailingText);
        }
    }
}

internal sealed class AssignNode(string name, Expression value, int position) : Node(position)
{
    public override bool IsBlank => true;

    public override Completion Render(LiquidRenderContext context)
    {
        context.Assign(name, value.Evaluate(context));
        return Completion.Normal;
    }
}

/// <summary>
/// <c>{% capture %}</c>. The body is rendered with the same encoding, so in HTML mode the captured
/// text is already safe and is not encoded a second time when it is output.
/// </summary>
internal sealed class CaptureNode(string name, Node[] body, int position) : Node(position)
{
    public override bool IsBlank => true;

    public override Completion Render(LiquidRenderContext context)
    {
        var outer = context.Output;
        var capture = new OutputWriter(256);
        capture.Reset(null, outer.HtmlEncode, outer.MaxLength);
        context.Output = capture;
        try
        {
            Body.Render(body, context);
        }
        finally
        {
            context.Output = outer;
        }

        var text = capture.ToString();
        context.Assign(name, outer.HtmlEncode ? LiquidValue.SafeString(text) : LiquidValue.Create(text));
        return Completion.Normal;
    }
}

/// <summary>
/// <c>{% ifchanged %}…{% endifchanged %}</c>: renders its body and writes it only when the text differs
/// from what the last <c>ifchanged</c> of the render wrote, as Ruby Liquid's single register does.
/// </summary>
internal sealed class IfChangedNode(Node[] body, bool blank, int position) : Node(position)
{
    public override bool IsBlank => blank;

    public override Completion Render(LiquidRenderContext context)
    {
        var outer = context.Output;
        var buffer = new OutputWriter(256);
        buffer.Reset(null, outer.HtmlEncode, outer.MaxLength);
        context.Output = buffer;
        Completion completion;
        try
        {
            completion = Body.Render(body, context);
        }
        finally
        {
            context.Output = outer;
        }

        var text = buffer.ToString();
        if (text != context.LastIfChanged)
        {
            context.LastIfChanged = text;
            outer.Write(text);
        }

        return completion;
    }
}

/// <summary><c>{% increment %}</c> outputs then adds one; <c>{% decrement %}</c> subtracts one then outputs.</summary>
internal sealed class CounterNode(string name, bool increment, int position) : Node(position)
{
    public override Completion Render(LiquidRenderContext context)
    {
        var before = context.Step(name, increment ? 1 : -1);
        context.Output.WriteValue(LiquidValue.Create(increment ? before : before - 1));
        return Completion.Normal;
    }
}

internal sealed class InterruptNode(Completion completion, int position) : Node(position)
{
    public override Completion Render(LiquidRenderContext context) => completion;
}

/// <summary><c>{% cycle 'a', 'b' %}</c> or <c>{% cycle group: 'a', 'b' %}</c>: each call outputs the next value.</summary>
internal sealed class CycleNode(Expression? group, string key, Expression[] values, int position) : Node(position)
{
    public override Completion Render(LiquidRenderContext context)
    {
        var name = group is null ? key : group.Evaluate(context).ToString();
        context.Cycles.TryGetValue(name, out var index);
        context.Output.WriteValue(values[index % values.Length].Evaluate(context));
        context.Cycles[name] = (index + 1) % values.Length;
        return Completion.Normal;
    }
}

/// <summary>The statements of a <c>{% liquid %}</c> tag.</summary>
internal sealed class SequenceNode(Node[] body, bool blank, int position) : Node(position)
{
    public override bool IsBlank => blank;

    public override Completion Render(LiquidRenderContext context) => Body.Render(body, context);
}
