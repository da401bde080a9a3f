using System.Text;
using Telemed.Liquid.Parsing;
using Telemed.Liquid.Rendering;
using Telemed.Liquid.Values;

namespace Telemed.Liquid.Syntax;

/// <summary>One step of a variable path: <c>.name</c> or <c>[expression]</c>.</summary>
internal readonly record struct PathSegment(string? Name, Expression? Index)
{
    /// <summary>The <c>forloop</c> member this name reads, resolved once so loops avoid string matching.</summary>
    public ForLoopMember LoopMember { get; } = Name is null ? ForLoopMember.None : ForLoopObject.ParseMember(Name);
}

/// <summary><c>patient.name</c>, <c>items[0]</c>, <c>hash["key"]</c>, <c>list.size</c>, <c>[dynamic_name]</c>.</summary>
internal sealed class VariableExpression(
    string? rootName, int rootSlot, VariableBindings bindings, Expression? rootIndex, PathSegment[] segments, int position) : Expression(position)
{
    // The accessor last used by each segment for a registered .NET type. A template belongs to one
    // engine, so one registry; entries are immutable and swapped whole, which is safe across threads.
    private readonly CachedAccessor?[] _accessors = new CachedAccessor?[segments.Length];

    public string? RootName { get; } = rootName;

    public override LiquidValue Evaluate(LiquidRenderContext context)
    {
        LiquidValue value;
        if (rootSlot >= 0 && !bindings.IsBound(rootSlot) && context.TryGetCachedModelValue(rootSlot, out value, out var fromModel))
        {
            if (!fromModel)
            {
                return Missing(context, 0);
            }
        }
        else
        {
            var name = RootName ?? rootIndex!.Evaluate(context).AsString;
            if (name is null || !context.TryGetVariable(name, rootSlot, out value))
            {
                return Missing(context, 0);
            }
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Name is not null && value.ObjectReference is { } instance)
            {
                // The accessor this segment used last time, when the object is of the same type.
                var cached = _accessors[i];
                if (cached is not null && cached.Type == instance.GetType())
                {
                    value = cached.Accessor.Get(instance);
                    continue;
                }

                if (segment.LoopMember != ForLoopMember.None && instance is ForLoopObject forLoop)
                {
                    value = forLoop.Get(segment.LoopMember);
                    continue;
                }

                if (instance is not ILiquidObject)
                {
                    if (!TryGetRegisteredMember(context, i, instance, segment.Name, out value))
                    {
                        return Missing(context, i + 1);
                    }

                    continue;
                }
            }

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

    private bool TryGetRegisteredMember(LiquidRenderContext context, int segment, object instance, string name, out LiquidValue value)
    {
        var type = instance.GetType();
        var accessor = context.Options.Members.FindAccessor(type, name);
        if (accessor is null)
        {
            value = LiquidValue.Nil;
            return false;
        }

        _accessors[segment] = new CachedAccessor(type, accessor);
        value = accessor.Get(instance);
        return true;
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

internal sealed record CachedAccessor(Type Type, MemberAccessor Accessor);
