using System.Text;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>One step of a variable path: <c>.name</c> or <c>[expression]</c>.</summary>
internal readonly record struct PathSegment(string? Name, Expression? Index);

/// <summary><c>patient.name</c>, <c>items[0]</c>, <c>hash["key"]</c>, <c>list.size</c>, <c>[dynamic_name]</c>.</summary>
internal sealed class VariableExpression(string? rootName, Expression? rootIndex, PathSegment[] segments, int position) : Expression(position)
{
    public string? RootName { get; } = rootName;

    public override LiquidValue Evaluate(LiquidRenderContext context)
    {
        LiquidValue value;
        var name = RootName ?? rootIndex!.Evaluate(context).AsString;
        if (name is null || !context.TryGetVariable(name, out value))
        {
            return Missing(context, 0);
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var found = segment.Name is not null
                ? context.TryGetMember(value, segment.Name, allowCommands: true, out value)
                : context.TryGetIndex(value, segment.Index!.Evaluate(context), out value);
            if (!found)
            {
                return Missing(context, i + 1);
            }
        }

        return value;
    }

    private LiquidValue Missing(LiquidRenderContext context, int depth)
    {
        if (context.StrictVariables)
        {
            throw new LiquidRuntimeError($"Undefined variable '{Describe(depth)}'") { Position = Position };
        }

        return LiquidValue.Nil;
    }

    private string Describe(int depth)
    {
        var builder = new StringBuilder(RootName ?? "[…]");
        for (var i = 0; i < depth && i < segments.Length; i++)
        {
            if (segments[i].Name is { } name)
            {
                builder.Append('.').Append(name);
            }
            else
            {
                builder.Append("[…]");
            }
        }

        return builder.ToString();
    }
}
